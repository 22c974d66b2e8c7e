package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQueuesStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awssqs.NewQueue(stack, jsii.String("Managed"), &awssqs.QueueProps{
		Encryption: awssqs.QueueEncryption_SQS_MANAGED,
	})

	awssqs.NewQueue(stack, jsii.String("AwsKey"), &awssqs.QueueProps{
		Encryption: awssqs.QueueEncryption_KMS_MANAGED,
	})

	key := awskms.NewKey(stack, jsii.String("Key"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
	})
	awssqs.NewQueue(stack, jsii.String("OwnKey"), &awssqs.QueueProps{
		Encryption:          awssqs.QueueEncryption_KMS,
		EncryptionMasterKey: key,
	})

	awssqs.NewCfnQueue(stack, jsii.String("Level1"), &awssqs.CfnQueueProps{
		SqsManagedSseEnabled: jsii.Bool(true),
	})

	return stack
}
