package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
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

	reportsDb.MetricCPUUtilization(nil).CreateAlarm(stack, jsii.String("ReportsDatabaseCpu"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:          jsii.String(fmt.Sprintf("reports-cpu-%s", suffix)),
		AlarmDescription:   jsii.String("DB instance ReportsDatabase used more than 80 percent of its CPU on average for 5 minutes"),
		Threshold:          jsii.Number(80),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

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

	ordersCluster.MetricCPUUtilization(nil).CreateAlarm(stack, jsii.String("OrdersClusterCpu"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:   jsii.String("DB cluster OrdersCluster used more than 80 percent of its CPU on average for 5 minutes"),
		Threshold:          jsii.Number(80),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	_ = alarmTopic
	return stack
}
