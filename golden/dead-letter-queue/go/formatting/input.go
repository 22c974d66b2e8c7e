package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQueuesStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	sqs.NewQueue(stack, jsii.String("Inline"), &sqs.QueueProps{QueueName: jsii.String("inline")})

	// empty
	sqs.NewQueue(stack, jsii.String("Empty"), &sqs.QueueProps{})

	// a blank line and comments split the runs gofmt aligns
	spread := sqs.NewQueue(
		stack,
		jsii.String("Spread"),
		&sqs.QueueProps{
			QueueName:         jsii.String("spread"), // what it is
			VisibilityTimeout: cdk.Duration_Seconds(jsii.Number(60)),

			// kept
			Encryption: sqs.QueueEncryption_SQS_MANAGED,
		},
	)
	_ = spread

	return stack
}
