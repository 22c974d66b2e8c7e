// Orders platform: an API in front of a function, a queue and a table, and the
// stream and cluster that process orders downstream.
package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type OrdersStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewOrdersStack(scope constructs.Construct, id string, props *OrdersStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), &awssns.TopicProps{
		TopicName: jsii.String(fmt.Sprintf("alarms-%s", suffix)),
	})

	ordersKey := awskms.NewKey(stack, jsii.String("OrdersKey"), &awskms.KeyProps{
		Description:       jsii.String(fmt.Sprintf("Orders data key (%s)", suffix)),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		EnableKeyRotation: jsii.Bool(true),
		Alias:             jsii.String(fmt.Sprintf("alias/orders-key-%s", suffix)),
	})

	table := awsdynamodb.NewTable(stack, jsii.String("OrdersTable"), &awsdynamodb.TableProps{
		TableName:     jsii.String(fmt.Sprintf("orders-%s", suffix)),
		PartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("orderId"), Type: awsdynamodb.AttributeType_STRING},
		BillingMode:   awsdynamodb.BillingMode_PAY_PER_REQUEST,
		Encryption:    awsdynamodb.TableEncryption_CUSTOMER_MANAGED,
		EncryptionKey: ordersKey,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
		PointInTimeRecoverySpecification: &awsdynamodb.PointInTimeRecoverySpecification{
			PointInTimeRecoveryEnabled: jsii.Bool(true),
		},
	})

	table.Metric(jsii.String("ReadThrottleEvents"), &awscloudwatch.MetricOptions{Statistic: jsii.String("Sum")}).CreateAlarm(stack, jsii.String("OrdersTableReadThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("orders-read-throttles-%s", suffix)),
		AlarmDescription:  jsii.String("DynamoDB table OrdersTable throttled 10 or more reads in 5 minutes"),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	table.Metric(jsii.String("WriteThrottleEvents"), &awscloudwatch.MetricOptions{Statistic: jsii.String("Sum")}).CreateAlarm(stack, jsii.String("OrdersTableWriteThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("orders-write-throttles-%s", suffix)),
		AlarmDescription:  jsii.String("DynamoDB table OrdersTable throttled 10 or more writes in 5 minutes"),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))
	awscdk.NewCfnOutput(stack, jsii.String("OrdersTableName"), &awscdk.CfnOutputProps{
		Value: table.TableName(),
	})

	queueDlq := awssqs.NewQueue(stack, jsii.String("OrdersQueueDlq"), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
	})

	queue := awssqs.NewQueue(stack, jsii.String("OrdersQueue"), &awssqs.QueueProps{
		Encryption: awssqs.QueueEncryption_SQS_MANAGED,
		DeadLetterQueue: &awssqs.DeadLetterQueue{
			MaxReceiveCount: jsii.Number(3),
			Queue:           queueDlq,
		},
	})

	queueDlq.MetricApproximateNumberOfMessagesVisible(nil).CreateAlarm(stack, jsii.String("OrdersQueueDlqMessages"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:   jsii.String("Dead-letter queue OrdersQueueDlq holds more than 0 messages: messages failed processing"),
		Threshold:          jsii.Number(0),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))
	awscdk.NewCfnOutput(stack, jsii.String("OrdersQueueUrl"), &awscdk.CfnOutputProps{
		Value: queue.QueueUrl(),
	})

	handlerLogGroup := awslogs.NewLogGroup(stack, jsii.String("OrdersHandlerLogGroup"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	handler := awslambda.NewFunction(stack, jsii.String("OrdersHandler"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/orders"), nil),
		Environment: &map[string]*string{
			"TABLE": table.TableName(),
			"QUEUE": queue.QueueUrl(),
		},
		Timeout:                      awscdk.Duration_Seconds(jsii.Number(3)),
		MemorySize:                   jsii.Number(128),
		ReservedConcurrentExecutions: jsii.Number(10),
		LogGroup:                     handlerLogGroup,
		Tracing:                      awslambda.Tracing_ACTIVE,
	})

	handler.MetricErrors(nil).CreateAlarm(stack, jsii.String("OrdersHandlerErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:  jsii.String("Lambda function OrdersHandler failed 5 or more times in 5 minutes"),
		Threshold:         jsii.Number(5),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	handler.MetricThrottles(nil).CreateAlarm(stack, jsii.String("OrdersHandlerThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:  jsii.String("Lambda function OrdersHandler was throttled 1 or more times in 5 minutes"),
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	ordersApiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("OrdersApiAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
		DeployOptions: &awsapigateway.StageOptions{
			StageName:            jsii.String("prod"),
			AccessLogDestination: awsapigateway.NewLogGroupLogDestination(ordersApiAccessLogs),
			AccessLogFormat: awsapigateway.AccessLogFormat_JsonWithStandardFields(&awsapigateway.JsonWithStandardFieldProps{
				Caller:         jsii.Bool(false),
				HttpMethod:     jsii.Bool(true),
				Ip:             jsii.Bool(true),
				Protocol:       jsii.Bool(true),
				RequestTime:    jsii.Bool(true),
				ResourcePath:   jsii.Bool(true),
				ResponseLength: jsii.Bool(true),
				Status:         jsii.Bool(true),
				User:           jsii.Bool(false),
			}),
			TracingEnabled:       jsii.Bool(true),
			ThrottlingRateLimit:  jsii.Number(100),
			ThrottlingBurstLimit: jsii.Number(200),
		},
	})

	awslogs.NewLogGroup(stack, jsii.String("AuditLogs"), &awslogs.LogGroupProps{
		LogGroupName:  jsii.String(fmt.Sprintf("/orders/%s/audit", suffix)),
		Retention:     awslogs.RetentionDays_ONE_MONTH,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})

	awskinesis.NewStream(stack, jsii.String("OrderEvents"), &awskinesis.StreamProps{
		ShardCount:      jsii.Number(2),
		Encryption:      awskinesis.StreamEncryption_MANAGED,
		RetentionPeriod: awscdk.Duration_Hours(jsii.Number(24)),
	})

	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2)})

	awsecs.NewCluster(stack, jsii.String("Workers"), &awsecs.ClusterProps{
		Vpc:                 vpc,
		ContainerInsightsV2: awsecs.ContainerInsights_ENABLED,
	})

	awsefs.NewFileSystem(stack, jsii.String("Exports"), &awsefs.FileSystemProps{
		Vpc:       vpc,
		Encrypted: jsii.Bool(true),
	})

	reportsParameterGroup := awsrds.NewParameterGroup(stack, jsii.String("ReportsParameterGroup"), &awsrds.ParameterGroupProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16(),
		}),
	})

	awsrds.NewDatabaseInstance(stack, jsii.String("Reports"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16(),
		}),
		Vpc:                        vpc,
		InstanceType:               awsec2.InstanceType_Of(awsec2.InstanceClass_BURSTABLE3, awsec2.InstanceSize_SMALL),
		RemovalPolicy:              awscdk.RemovalPolicy_RETAIN,
		StorageType:                awsrds.StorageType_GP3,
		ParameterGroup:             reportsParameterGroup,
		BackupRetention:            awscdk.Duration_Days(jsii.Number(7)),
		DeletionProtection:         jsii.Bool(true),
		CloudwatchLogsExports:      jsii.Strings("postgresql", "upgrade"),
		PreferredBackupWindow:      jsii.String("03:00-03:30"),
		PreferredMaintenanceWindow: jsii.String("sun:04:00-sun:04:30"),
	})

	awscdk.Tags_Of(stack).Add(jsii.String("Environment"), jsii.String(suffix), nil)
	awscdk.Tags_Of(stack).Add(jsii.String("ManagedBy"), jsii.String("cdk"), nil)

	return stack
}
