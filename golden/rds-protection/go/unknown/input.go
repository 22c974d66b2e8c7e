package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type Settings struct {
	DeletionProtection bool
	BackupRetention    awscdk.Duration
	Encrypted          bool
	Cluster            *awsrds.DatabaseClusterProps
}

func NewTenantDatabaseStack(scope constructs.Construct, id string, settings Settings, engine awsrds.IInstanceEngine, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// everything comes from the tenant's settings
	awsrds.NewDatabaseInstance(stack, jsii.String("TenantDb"), &awsrds.DatabaseInstanceProps{
		Engine:             engine,
		Vpc:                vpc,
		DeletionProtection: jsii.Bool(settings.DeletionProtection),
		BackupRetention:    settings.BackupRetention,
		StorageEncrypted:   jsii.Bool(settings.Encrypted),
	})
	awsrds.NewDatabaseCluster(stack, jsii.String("TenantCluster"), settings.Cluster)

	return stack
}
