package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewEventsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awssqs.NewQueue(stack, jsii.String("PublicEvents"), &awssqs.QueueProps{ // iacfix: ignore[sqs-encryption]
		QueueName: jsii.String("public-events"),
	})

	return stack
}
