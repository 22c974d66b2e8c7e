package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewEventsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awskinesis.NewStream(stack, jsii.String("Clicks"), &awskinesis.StreamProps{
		StreamName: jsii.String("clicks"),
		ShardCount: jsii.Number(4),
	})

	awskinesis.NewCfnStream(stack, jsii.String("Raw"), &awskinesis.CfnStreamProps{
		ShardCount: jsii.Number(1),
	})

	return stack
}
