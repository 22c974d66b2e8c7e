package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewVaultStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	vaultKey := awskms.NewCfnKey(stack, jsii.String("VaultKey"), &awskms.CfnKeyProps{
		Description: jsii.String("Vault data"),
		KeyPolicy: &map[string]interface{}{
			"Version": "2012-10-17",
			"Statement": []interface{}{
				map[string]interface{}{
					"Effect":    "Allow",
					"Principal": map[string]interface{}{"AWS": fmt.Sprintf("arn:aws:iam::%s:root", *stack.Account())},
					"Action":    "kms:*",
					"Resource":  "*",
				},
			},
		},
		EnableKeyRotation: jsii.Bool(true),
	})
	awskms.NewCfnAlias(stack, jsii.String("VaultKeyAlias"), &awskms.CfnAliasProps{
		AliasName:   jsii.String("alias/vault"),
		TargetKeyId: vaultKey.Ref(),
	})

	return stack
}
