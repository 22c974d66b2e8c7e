package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)

	awsecs.NewCluster(stack, jsii.String("Workers"), &awsecs.ClusterProps{
		Vpc:         vpc,
		ClusterName: jsii.String("workers"),
	})

	awsecs.NewCfnCluster(stack, jsii.String("Batch"), &awsecs.CfnClusterProps{
		ClusterName: jsii.String("batch"),
	})

	return stack
}
