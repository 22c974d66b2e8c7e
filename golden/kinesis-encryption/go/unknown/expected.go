package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type TenantStreamsStackProps struct {
	awscdk.StackProps
	Encryption  awskinesis.StreamEncryption
	StreamProps *awskinesis.StreamProps
}

func NewTenantStreamsStack(scope constructs.Construct, id string, props *TenantStreamsStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awskinesis.NewStream(stack, jsii.String("TenantStream"), &awskinesis.StreamProps{
		Encryption:      props.Encryption,
		RetentionPeriod: awscdk.Duration_Hours(jsii.Number(24)),
	})
	awskinesis.NewStream(stack, jsii.String("AuditStream"), props.StreamProps)
	awskinesis.NewCfnStream(stack, jsii.String("RawStream"), &awskinesis.CfnStreamProps{
		StreamEncryption:     stack.Node().TryGetContext(jsii.String("streamEncryption")),
		RetentionPeriodHours: jsii.Number(24),
	})

	return stack
}
