package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewRawStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awssqs.NewCfnQueue(stack, jsii.String("UploadsQueue"), &awssqs.CfnQueueProps{
		QueueName:            jsii.String("uploads"),
		VisibilityTimeout:    jsii.Number(60),
		SqsManagedSseEnabled: jsii.Bool(true),
	})

	return stack
}
