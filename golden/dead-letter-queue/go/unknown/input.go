package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewSharedQueuesStack(scope constructs.Construct, id string, queueProps *awssqs.QueueProps, fifo bool) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// Properties (including any redrive policy) come from the caller.
	awssqs.NewQueue(stack, jsii.String("EventsQueue"), queueProps)

	// FIFO or not is decided by the caller: we cannot tell which DLQ fits.
	awssqs.NewQueue(stack, jsii.String("CommandsQueue"), &awssqs.QueueProps{
		Fifo: jsii.Bool(fifo),
	})

	// The dead-letter queue of another stack's queue.
	awssqs.NewQueue(stack, jsii.String("AuditDeadLetters"), nil)

	return stack
}
