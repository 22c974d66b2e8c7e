package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsecs.NewCluster(stack, jsii.String("Enhanced"), &awsecs.ClusterProps{
		ContainerInsightsV2: awsecs.ContainerInsights_ENHANCED,
	})

	// the older flag, the only one older CDK versions know
	awsecs.NewCluster(stack, jsii.String("Legacy"), &awsecs.ClusterProps{
		ContainerInsights: jsii.Bool(true),
	})

	return stack
}
