package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
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

	ordersTable := awsdynamodb.NewCfnTable(stack, jsii.String("OrdersTable"), &awsdynamodb.CfnTableProps{
		TableName: jsii.String(fmt.Sprintf("orders-%s", suffix)),
		KeySchema: &[]interface{}{
			&awsdynamodb.CfnTable_KeySchemaProperty{AttributeName: jsii.String("id"), KeyType: jsii.String("HASH")},
		},
		AttributeDefinitions: &[]interface{}{
			&awsdynamodb.CfnTable_AttributeDefinitionProperty{AttributeName: jsii.String("id"), AttributeType: jsii.String("S")},
		},
		BillingMode: jsii.String("PAY_PER_REQUEST"),
	})

	awscloudwatch.NewAlarm(stack, jsii.String("OrdersTableReadThrottles"), &awscloudwatch.AlarmProps{
		AlarmName:        jsii.String(fmt.Sprintf("orders-read-throttles-%s", suffix)),
		AlarmDescription: jsii.String("DynamoDB table OrdersTable throttled 10 or more reads in 5 minutes"),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/DynamoDB"),
			MetricName: jsii.String("ReadThrottleEvents"),
			DimensionsMap: &map[string]*string{
				"TableName": ordersTable.Ref(),
			},
			Statistic: jsii.String("Sum"),
			Period:    awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	awscloudwatch.NewAlarm(stack, jsii.String("OrdersTableWriteThrottles"), &awscloudwatch.AlarmProps{
		AlarmName:        jsii.String(fmt.Sprintf("orders-write-throttles-%s", suffix)),
		AlarmDescription: jsii.String("DynamoDB table OrdersTable throttled 10 or more writes in 5 minutes"),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/DynamoDB"),
			MetricName: jsii.String("WriteThrottleEvents"),
			DimensionsMap: &map[string]*string{
				"TableName": ordersTable.Ref(),
			},
			Statistic: jsii.String("Sum"),
			Period:    awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	processOrder := awslambda.NewCfnFunction(stack, jsii.String("ProcessOrder"), &awslambda.CfnFunctionProps{
		Runtime: jsii.String("python3.12"),
		Handler: jsii.String("index.handler"),
		Role:    jsii.String("arn:aws:iam::123456789012:role/process-order"),
		Code: &awslambda.CfnFunction_CodeProperty{
			ZipFile: jsii.String("def handler(event, context):\n    return event\n"),
		},
	})

	awscloudwatch.NewAlarm(stack, jsii.String("ProcessOrderErrors"), &awscloudwatch.AlarmProps{
		AlarmDescription: jsii.String("Lambda function ProcessOrder failed 5 or more times in 5 minutes"),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/Lambda"),
			MetricName: jsii.String("Errors"),
			DimensionsMap: &map[string]*string{
				"FunctionName": processOrder.Ref(),
			},
			Statistic: jsii.String("Sum"),
			Period:    awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold:         jsii.Number(5),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	awscloudwatch.NewAlarm(stack, jsii.String("ProcessOrderThrottles"), &awscloudwatch.AlarmProps{
		AlarmDescription: jsii.String("Lambda function ProcessOrder was throttled 1 or more times in 5 minutes"),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/Lambda"),
			MetricName: jsii.String("Throttles"),
			DimensionsMap: &map[string]*string{
				"FunctionName": processOrder.Ref(),
			},
			Statistic: jsii.String("Sum"),
			Period:    awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	_ = ordersTable
	_ = processOrder

	return stack
}
