package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewScratchStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsrds.NewDatabaseInstance(stack, jsii.String("ScratchDb"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Mysql(&awsrds.MySqlInstanceEngineProps{
			Version: awsrds.MysqlEngineVersion_VER_8_0_39(),
		}),
		Vpc:                     vpc,
		DeletionProtection:      jsii.Bool(true),
		BackupRetention:         awscdk.Duration_Days(jsii.Number(7)),
		StorageEncrypted:        jsii.Bool(true),
		CloudwatchLogsExports:   jsii.Strings("error"),
		CopyTagsToSnapshot:      jsii.Bool(false),
		AutoMinorVersionUpgrade: jsii.Bool(false),
	})

	awsrds.NewCfnDBCluster(stack, jsii.String("ScratchCluster"), &awsrds.CfnDBClusterProps{
		Engine:                      jsii.String("aurora-mysql"),
		MasterUsername:              jsii.String("admin"),
		StorageEncrypted:            jsii.Bool(true),
		BackupRetentionPeriod:       jsii.Number(7),
		CopyTagsToSnapshot:          jsii.Bool(true),
		DeletionProtection:          jsii.Bool(true),
		EnableCloudwatchLogsExports: jsii.Strings("audit", "error", "general", "slowquery"),
	})

	return stack
}
