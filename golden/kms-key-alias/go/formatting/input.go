package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	kms "github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type KeysStackProps struct {
	cdk.StackProps
	EnvironmentSuffix string
}

func NewKeysStack(scope constructs.Construct, id string, props *KeysStackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, &props.StackProps)

	// one line
	kms.NewKey(stack, jsii.String("Inline"), &kms.KeyProps{EnableKeyRotation: jsii.Bool(true)})

	// empty
	kms.NewKey(stack, jsii.String("Empty"), &kms.KeyProps{})

	// a blank line and comments split the runs gofmt aligns
	kms.NewKey(
		stack,
		jsii.String("Spread"),
		&kms.KeyProps{
			Description:       jsii.String("spread"), // what it is
			EnableKeyRotation: jsii.Bool(true),

			// kept
			RemovalPolicy: cdk.RemovalPolicy_RETAIN,
		},
	)

	return stack
}
