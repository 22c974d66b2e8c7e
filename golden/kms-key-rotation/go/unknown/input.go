package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type KeysStackProps struct {
	awscdk.StackProps
	Rotate bool
	Spec   awskms.KeySpec
}

func NewKeysStack(scope constructs.Construct, id string, props *KeysStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	// the stack's caller decides
	awskms.NewKey(stack, jsii.String("Configured"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(props.Rotate),
	})

	// a spec the file cannot know
	awskms.NewKey(stack, jsii.String("Chosen"), &awskms.KeyProps{
		KeySpec: props.Spec,
	})

	keyProps := &awskms.KeyProps{Description: jsii.String("built elsewhere")}
	awskms.NewKey(stack, jsii.String("Elsewhere"), keyProps)

	return stack
}
