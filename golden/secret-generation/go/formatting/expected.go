package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	secrets "github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCredentialsStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	secrets.NewSecret(stack, jsii.String("Inline"), &secrets.SecretProps{
		Description: jsii.String("inline"),
		GenerateSecretString: &secrets.SecretStringGenerator{
			PasswordLength:    jsii.Number(32),
			ExcludeCharacters: jsii.String(" \"'@/\\"),
		},
	})

	// empty
	secrets.NewSecret(stack, jsii.String("Empty"), &secrets.SecretProps{
		GenerateSecretString: &secrets.SecretStringGenerator{
			PasswordLength:    jsii.Number(32),
			ExcludeCharacters: jsii.String(" \"'@/\\"),
		},
	})

	// a blank line and comments split the runs gofmt aligns
	secrets.NewSecret(
		stack,
		jsii.String("Spread"),
		&secrets.SecretProps{
			Description: jsii.String("spread"), // what it is
			SecretName:  jsii.String("spread"),

			// kept
			GenerateSecretString: &secrets.SecretStringGenerator{
				PasswordLength:    jsii.Number(32),
				ExcludeCharacters: jsii.String(" \"'@/\\"),
			},
		},
	)

	return stack
}
