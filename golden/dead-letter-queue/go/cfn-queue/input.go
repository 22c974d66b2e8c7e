package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewIngestQueuesStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// Resources
	ingestDeadLetters := awssqs.NewCfnQueue(stack, jsii.String("IngestDeadLetters"), &awssqs.CfnQueueProps{
		MessageRetentionPeriod: jsii.Number(1209600),
	})

	awssqs.NewCfnQueue(stack, jsii.String("IngestQueue"), &awssqs.CfnQueueProps{
		VisibilityTimeout: jsii.Number(120),
		RedrivePolicy: &map[string]interface{}{
			"deadLetterTargetArn": ingestDeadLetters.AttrArn(),
			"maxReceiveCount":     jsii.Number(5),
		},
	})

	awssqs.NewCfnQueue(stack, jsii.String("LedgerQueue"), &awssqs.CfnQueueProps{
		QueueName:            jsii.String("ledger.fifo"),
		FifoQueue:            jsii.Bool(true),
		SqsManagedSseEnabled: jsii.Bool(true),
	})

	return stack
}
