package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQueuesStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	inlineDlq := sqs.NewQueue(stack, jsii.String("InlineDlq"), &sqs.QueueProps{
		QueueName:       jsii.String("inline-dlq"),
		RetentionPeriod: cdk.Duration_Days(jsii.Number(14)),
	})

	// one line
	sqs.NewQueue(stack, jsii.String("Inline"), &sqs.QueueProps{
		QueueName: jsii.String("inline"),
		DeadLetterQueue: &sqs.DeadLetterQueue{
			MaxReceiveCount: jsii.Number(3),
			Queue:           inlineDlq,
		},
	})

	emptyDlq := sqs.NewQueue(stack, jsii.String("EmptyDlq"), &sqs.QueueProps{
		RetentionPeriod: cdk.Duration_Days(jsii.Number(14)),
	})

	// empty
	sqs.NewQueue(stack, jsii.String("Empty"), &sqs.QueueProps{
		DeadLetterQueue: &sqs.DeadLetterQueue{
			MaxReceiveCount: jsii.Number(3),
			Queue:           emptyDlq,
		},
	})

	spreadDlq := sqs.NewQueue(stack, jsii.String("SpreadDlq"), &sqs.QueueProps{
		QueueName:       jsii.String("spread-dlq"),
		RetentionPeriod: cdk.Duration_Days(jsii.Number(14)),
		Encryption:      sqs.QueueEncryption_SQS_MANAGED,
	})

	// a blank line and comments split the runs gofmt aligns
	spread := sqs.NewQueue(
		stack,
		jsii.String("Spread"),
		&sqs.QueueProps{
			QueueName:         jsii.String("spread"), // what it is
			VisibilityTimeout: cdk.Duration_Seconds(jsii.Number(60)),

			// kept
			Encryption: sqs.QueueEncryption_SQS_MANAGED,
			DeadLetterQueue: &sqs.DeadLetterQueue{
				MaxReceiveCount: jsii.Number(3),
				Queue:           spreadDlq,
			},
		},
	)
	_ = spread

	return stack
}
