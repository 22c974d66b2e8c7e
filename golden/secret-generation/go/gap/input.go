package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCredentialsStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awssecretsmanager.NewSecret(stack, jsii.String("ApiToken"), &awssecretsmanager.SecretProps{
		Description: jsii.String("Token the partner API calls us with"),
	})

	awssecretsmanager.NewSecret(stack, jsii.String("WebhookSecret"), nil)

	awssecretsmanager.NewSecret(stack, jsii.String("DbPassword"), &awssecretsmanager.SecretProps{
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			SecretStringTemplate: jsii.String(`{"username": "app"}`),
			GenerateStringKey:    jsii.String("password"),
			PasswordLength:       jsii.Number(16),
			ExcludeCharacters:    jsii.String("/@"),
		},
	})

	return stack
}
