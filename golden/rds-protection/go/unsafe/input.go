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
		DeletionProtection:      jsii.Bool(false),
		BackupRetention:         awscdk.Duration_Days(jsii.Number(0)),
		StorageEncrypted:        jsii.Bool(false),
		CloudwatchLogsExports:   jsii.Strings("error"),
		CopyTagsToSnapshot:      jsii.Bool(false),
		AutoMinorVersionUpgrade: jsii.Bool(false),
	})

	awsrds.NewCfnDBCluster(stack, jsii.String("ScratchCluster"), &awsrds.CfnDBClusterProps{
		Engine:                jsii.String("aurora-mysql"),
		MasterUsername:        jsii.String("admin"),
		BackupRetentionPeriod: jsii.Number(1),
	})

	return stack
}
