package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	kinesis "github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewEventsStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	kinesis.NewStream(stack, jsii.String("Inline"), &kinesis.StreamProps{
		ShardCount:      jsii.Number(1),
		Encryption:      kinesis.StreamEncryption_MANAGED,
		RetentionPeriod: cdk.Duration_Hours(jsii.Number(24)),
	})

	// empty
	kinesis.NewCfnStream(stack, jsii.String("Empty"), &kinesis.CfnStreamProps{
		StreamEncryption: &kinesis.CfnStream_StreamEncryptionProperty{
			EncryptionType: jsii.String("KMS"),
			KeyId:          jsii.String("alias/aws/kinesis"),
		},
		RetentionPeriodHours: jsii.Number(24),
	})

	// a blank line and comments split the runs gofmt aligns
	kinesis.NewCfnStream(
		stack,
		jsii.String("Spread"),
		&kinesis.CfnStreamProps{
			Name:       jsii.String("spread"), // what it is
			ShardCount: jsii.Number(2),

			// kept
			StreamModeDetails: &kinesis.CfnStream_StreamModeDetailsProperty{StreamMode: jsii.String("PROVISIONED")},
			StreamEncryption: &kinesis.CfnStream_StreamEncryptionProperty{
				EncryptionType: jsii.String("KMS"),
				KeyId:          jsii.String("alias/aws/kinesis"),
			},
			RetentionPeriodHours: jsii.Number(24),
		},
	)

	return stack
}
