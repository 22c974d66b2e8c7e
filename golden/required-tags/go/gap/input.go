package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type StatementsStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewStatementsStack(scope constructs.Construct, id string, props *StatementsStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	statementsKey := awskms.NewKey(stack, jsii.String("StatementsKey"), &awskms.KeyProps{
		Description:       jsii.String("Encrypts customer statements at rest"),
		EnableKeyRotation: jsii.Bool(true),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})

	awss3.NewBucket(stack, jsii.String("Statements"), &awss3.BucketProps{
		BucketName:    jsii.String(fmt.Sprintf("statements-%s", suffix)),
		Encryption:    awss3.BucketEncryption_KMS,
		EncryptionKey: statementsKey,
	})

	awskms.NewKey(stack, jsii.String("ScratchKey"), nil)

	return stack
}
