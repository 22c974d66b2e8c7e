package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCredentialsStack(scope constructs.Construct, id string, token awscdk.SecretValue) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awssecretsmanager.NewSecret(stack, jsii.String("ApiToken"), &awssecretsmanager.SecretProps{
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			PasswordLength:    jsii.Number(40),
			ExcludeCharacters: jsii.String(" \"'@/\\:"),
		},
	})

	awssecretsmanager.NewSecret(stack, jsii.String("PartnerToken"), &awssecretsmanager.SecretProps{
		SecretStringValue: token,
	})

	awssecretsmanager.NewSecret(stack, jsii.String("Pin"), &awssecretsmanager.SecretProps{
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			PasswordLength:     jsii.Number(32),
			ExcludePunctuation: jsii.Bool(true),
		},
	})

	return stack
}
