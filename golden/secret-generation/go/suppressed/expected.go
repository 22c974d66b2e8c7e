package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCredentialsStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// The partner requires its own format. iacfix: ignore[secret-generation]
	awssecretsmanager.NewSecret(stack, jsii.String("ApiToken"), &awssecretsmanager.SecretProps{
		Description: jsii.String("Token the partner API calls us with"),
	})

	return stack
}
