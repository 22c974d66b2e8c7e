package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	kms "github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewKeysStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	kms.NewKey(stack, jsii.String("Inline"), &kms.KeyProps{
		Description:       jsii.String("inline"),
		EnableKeyRotation: jsii.Bool(true),
	})

	// empty
	kms.NewKey(stack, jsii.String("Empty"), &kms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
	})

	// a blank line and comments split the runs gofmt aligns
	kms.NewKey(
		stack,
		jsii.String("Spread"),
		&kms.KeyProps{
			Description: jsii.String("spread"), // what it is
			Alias:       jsii.String("alias/spread"),

			// kept
			RemovalPolicy:     cdk.RemovalPolicy_RETAIN,
			PendingWindow:     cdk.Duration_Days(jsii.Number(7)), // the longest wait
			EnableKeyRotation: jsii.Bool(true),
		},
	)

	return stack
}
