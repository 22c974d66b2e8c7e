package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewKeysStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awskms.NewKey(stack, jsii.String("Archive"), &awskms.KeyProps{
		Description:       jsii.String("archive"),
		EnableKeyRotation: jsii.Bool(true),
	})

	return stack
}
