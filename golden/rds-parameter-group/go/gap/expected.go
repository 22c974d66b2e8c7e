package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type DatabaseStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
	Vpc               awsec2.IVpc
}

func NewDatabaseStack(scope constructs.Construct, id string, props *DatabaseStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	reportingDbParameterGroup := awsrds.NewParameterGroup(stack, jsii.String("ReportingDbParameterGroup"), &awsrds.ParameterGroupProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_4(),
		}),
	})

	reportingDb := awsrds.NewDatabaseInstance(stack, jsii.String("ReportingDb"), &awsrds.DatabaseInstanceProps{
		InstanceIdentifier: jsii.String(fmt.Sprintf("reporting-%s", suffix)),
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_4(),
		}),
		InstanceType:     awsec2.InstanceType_Of(awsec2.InstanceClass_T3, awsec2.InstanceSize_MICRO),
		Vpc:              props.Vpc,
		AllocatedStorage: jsii.Number(20),
		ParameterGroup:   reportingDbParameterGroup,
	})

	ledgerParameterGroup := awsrds.NewParameterGroup(stack, jsii.String("LedgerParameterGroup"), &awsrds.ParameterGroupProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraMysql(&awsrds.AuroraMysqlClusterEngineProps{
			Version: awsrds.AuroraMysqlEngineVersion_VER_3_05_2(),
		}),
	})

	awsrds.NewDatabaseCluster(stack, jsii.String("Ledger"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraMysql(&awsrds.AuroraMysqlClusterEngineProps{
			Version: awsrds.AuroraMysqlEngineVersion_VER_3_05_2(),
		}),
		Writer:         awsrds.ClusterInstance_Provisioned(jsii.String("Writer"), nil),
		Vpc:            props.Vpc,
		ParameterGroup: ledgerParameterGroup,
	})

	awscdk.NewCfnOutput(stack, jsii.String("ReportingEndpoint"), &awscdk.CfnOutputProps{
		Value: reportingDb.DbInstanceEndpointAddress(),
	})

	return stack
}
