package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLegacyStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awssecretsmanager.NewCfnSecret(stack, jsii.String("ReportingPassword"), &awssecretsmanager.CfnSecretProps{
		Name:                 jsii.String("reporting/password"),
		GenerateSecretString: &awssecretsmanager.CfnSecret_GenerateSecretStringProperty{PasswordLength: jsii.Number(20)},
	})

	// No generation: CloudFormation stores the given value
	awssecretsmanager.NewCfnSecret(stack, jsii.String("Static"), &awssecretsmanager.CfnSecretProps{
		Name: jsii.String("reporting/static"),
	})

	return stack
}
