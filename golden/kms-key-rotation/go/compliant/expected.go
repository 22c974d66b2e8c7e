package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewKeysStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// rotates every year
	awskms.NewKey(stack, jsii.String("DataKey"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
	})

	// asymmetric keys cannot rotate
	awskms.NewKey(stack, jsii.String("SigningKey"), &awskms.KeyProps{
		KeySpec:  awskms.KeySpec_RSA_2048,
		KeyUsage: awskms.KeyUsage_SIGN_VERIFY,
	})

	// the file cannot know what this is
	awskms.NewKey(stack, jsii.String("ConfiguredKey"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(rotate()),
	})

	return stack
}

func rotate() bool {
	return true
}
