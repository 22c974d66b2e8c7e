package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewFeedStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awskinesis.NewStream(stack, jsii.String("PublicFeed"), &awskinesis.StreamProps{
		Encryption:      awskinesis.StreamEncryption_UNENCRYPTED,
		RetentionPeriod: awscdk.Duration_Hours(jsii.Number(24)),
	})

	return stack
}
