package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLegacyStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// the partner decrypts with a copy of this key's material; rotation would break it
	// iacfix: ignore[kms-key-rotation]
	awskms.NewKey(stack, jsii.String("PartnerKey"), &awskms.KeyProps{
		Description: jsii.String("Shared with the payment partner"),
	})

	return stack
}
