package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPaymentsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	paymentsKey := awskms.NewKey(stack, jsii.String("PaymentsKey"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
	})

	awssqs.NewQueue(stack, jsii.String("Payments"), &awssqs.QueueProps{
		VisibilityTimeout:   awscdk.Duration_Seconds(jsii.Number(30)),
		Encryption:          awssqs.QueueEncryption_KMS,
		EncryptionMasterKey: paymentsKey,
	})

	awssqs.NewCfnQueue(stack, jsii.String("Refunds"), &awssqs.CfnQueueProps{
		QueueName:      jsii.String("refunds"),
		KmsMasterKeyId: paymentsKey.KeyId(),
	})

	_ = paymentsKey
	return stack
}
