package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDataStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)

	awsrds.NewDatabaseInstance(stack, jsii.String("Orders"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_4(),
		}),
		Vpc:             vpc,
		BackupRetention: awscdk.Duration_Days(jsii.Number(7)),
	})

	awsrds.NewDatabaseCluster(stack, jsii.String("Ledger"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
		Vpc:    vpc,
		Writer: awsrds.ClusterInstance_Provisioned(jsii.String("Writer"), nil),
	})

	return stack
}
