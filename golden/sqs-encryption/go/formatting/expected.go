package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewJobsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// an L1 queue, its props spread over lines with a trailing comment
	sqs.NewCfnQueue(stack, jsii.String("Raw"), &sqs.CfnQueueProps{
		QueueName:            jsii.String("raw"),  // the name
		DelaySeconds:         jsii.Number(0),      // none
		Tags:                 &[]*awscdk.CfnTag{}, // set later
		SqsManagedSseEnabled: jsii.Bool(true),
	})

	// a nil field
	sqs.NewQueue(stack, jsii.String("Nil"), &sqs.QueueProps{
		Encryption: sqs.QueueEncryption_SQS_MANAGED,
	})

	return stack
}
