package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewKeysStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awskms.NewKey(stack, jsii.String("DataKey"), &awskms.KeyProps{
		Alias:             jsii.String("alias/data"),
		EnableKeyRotation: jsii.Bool(true),
	})

	auditKey := awskms.NewKey(stack, jsii.String("AuditKey"), &awskms.KeyProps{EnableKeyRotation: jsii.Bool(true)})
	auditKey.AddAlias(jsii.String("alias/audit"))

	backupKey := awskms.NewKey(stack, jsii.String("BackupKey"), &awskms.KeyProps{EnableKeyRotation: jsii.Bool(true)})
	awskms.NewAlias(stack, jsii.String("BackupKeyAlias"), &awskms.AliasProps{
		AliasName: jsii.String("alias/backup"),
		TargetKey: backupKey,
	})

	legacyKey := awskms.NewCfnKey(stack, jsii.String("LegacyKey"), &awskms.CfnKeyProps{EnableKeyRotation: jsii.Bool(true)})
	awskms.NewCfnAlias(stack, jsii.String("LegacyKeyAlias"), &awskms.CfnAliasProps{
		AliasName:   jsii.String("alias/legacy"),
		TargetKeyId: legacyKey.AttrKeyId(),
	})

	return stack
}
