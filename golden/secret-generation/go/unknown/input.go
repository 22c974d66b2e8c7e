package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type TenantSecretsStackProps struct {
	awscdk.StackProps
	PasswordLength float64
	Excluded       string
}

func NewTenantSecretsStack(scope constructs.Construct, id string, props *TenantSecretsStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	// length and exclusions come from the caller
	awssecretsmanager.NewSecret(stack, jsii.String("TenantCreds"), &awssecretsmanager.SecretProps{
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			PasswordLength:    jsii.Number(props.PasswordLength),
			ExcludeCharacters: jsii.String(props.Excluded),
		},
	})

	generator := &awssecretsmanager.SecretStringGenerator{PasswordLength: jsii.Number(props.PasswordLength)}
	awssecretsmanager.NewSecret(stack, jsii.String("TenantToken"), &awssecretsmanager.SecretProps{
		GenerateSecretString: generator,
	})

	return stack
}
