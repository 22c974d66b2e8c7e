package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLedgerStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// Replayed from the ledger. iacfix: ignore[dead-letter-queue]
	awssqs.NewQueue(stack, jsii.String("LedgerEvents"), &awssqs.QueueProps{
		QueueName: jsii.String("ledger-events.fifo"),
		Fifo:      jsii.Bool(true),
	})

	return stack
}
