package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type ReportingStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewReportingStack(scope constructs.Construct, id string, props *ReportingStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), &awssns.TopicProps{
		TopicName: jsii.String(fmt.Sprintf("alarms-%s", suffix)),
	})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2)})

	reportsDb := awsrds.NewDatabaseInstance(stack, jsii.String("ReportsDatabase"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_3(),
		}),
		InstanceIdentifier: jsii.String(fmt.Sprintf("reports-%s", suffix)),
		Vpc:                vpc,
		StorageEncrypted:   jsii.Bool(true),
		DeletionProtection: jsii.Bool(true),
		RemovalPolicy:      awscdk.RemovalPolicy_SNAPSHOT,
	})

	ordersCluster := awsrds.NewDatabaseCluster(stack, jsii.String("OrdersCluster"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_2(),
		}),
		Writer:             awsrds.ClusterInstance_Provisioned(jsii.String("Writer"), nil),
		Vpc:                vpc,
		StorageEncrypted:   jsii.Bool(true),
		DeletionProtection: jsii.Bool(true),
		RemovalPolicy:      awscdk.RemovalPolicy_SNAPSHOT,
	})
	ordersCluster.Connections().AllowDefaultPortFrom(reportsDb, jsii.String("reports read orders"))

	_ = alarmTopic
	return stack
}
