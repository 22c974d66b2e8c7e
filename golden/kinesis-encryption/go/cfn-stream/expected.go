package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewIngestStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awskinesis.NewCfnStream(stack, jsii.String("OrdersStream"), &awskinesis.CfnStreamProps{
		ShardCount: jsii.Number(2),
		StreamEncryption: &awskinesis.CfnStream_StreamEncryptionProperty{
			EncryptionType: jsii.String("KMS"),
			KeyId:          jsii.String("alias/aws/kinesis"),
		},
		RetentionPeriodHours: jsii.Number(24),
	})
	awskinesis.NewCfnStream(stack, jsii.String("PaymentsStream"), &awskinesis.CfnStreamProps{
		ShardCount: jsii.Number(2),
		StreamEncryption: &awskinesis.CfnStream_StreamEncryptionProperty{
			EncryptionType: jsii.String("KMS"),
			KeyId:          jsii.String("alias/aws/kinesis"),
		},
		RetentionPeriodHours: jsii.Number(72),
	})

	return stack
}
