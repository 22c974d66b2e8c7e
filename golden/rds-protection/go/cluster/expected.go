package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersDatabaseStack(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	cluster := awsrds.NewCfnDBCluster(stack, jsii.String("OrdersCluster"), &awsrds.CfnDBClusterProps{
		DbClusterIdentifier:         jsii.String(fmt.Sprintf("orders-%s", environmentSuffix)),
		Engine:                      jsii.String("aurora-postgresql"),
		EngineVersion:               jsii.String("16.4"),
		MasterUsername:              jsii.String("orders"),
		ManageMasterUserPassword:    jsii.Bool(true),
		StorageEncrypted:            jsii.Bool(true),
		BackupRetentionPeriod:       jsii.Number(7),
		CopyTagsToSnapshot:          jsii.Bool(true),
		DeletionProtection:          jsii.Bool(true),
		EnableCloudwatchLogsExports: jsii.Strings("postgresql"),
	})

	// the cluster governs backups, encryption, deletion protection and logs
	awsrds.NewCfnDBInstance(stack, jsii.String("OrdersWriter"), &awsrds.CfnDBInstanceProps{
		DbClusterIdentifier:     cluster.Ref(),
		DbInstanceClass:         jsii.String("db.r6g.large"),
		Engine:                  jsii.String("aurora-postgresql"),
		AutoMinorVersionUpgrade: jsii.Bool(true),
	})
	awsrds.NewCfnDBInstance(stack, jsii.String("OrdersReader"), &awsrds.CfnDBInstanceProps{
		DbClusterIdentifier:     cluster.Ref(),
		DbInstanceClass:         jsii.String("db.r6g.large"),
		Engine:                  jsii.String("aurora-postgresql"),
		AutoMinorVersionUpgrade: jsii.Bool(false),
	})

	return stack
}
