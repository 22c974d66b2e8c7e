package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewClustersStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsecs.NewCluster(stack, jsii.String("WebCluster"), &awsecs.ClusterProps{Vpc: vpc, ContainerInsights: jsii.Bool(true)})
	awsecs.NewCluster(stack, jsii.String("CronCluster"), &awsecs.ClusterProps{
		Vpc:               vpc,
		ContainerInsights: jsii.Bool(true),
	})
	awsecs.NewCluster(stack, jsii.String("DebugCluster"), &awsecs.ClusterProps{Vpc: vpc, ContainerInsights: jsii.Bool(false)})

	return stack
}
