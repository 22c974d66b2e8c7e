package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
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

	table := awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{
		TableName:    jsii.String(fmt.Sprintf("orders-%s", suffix)),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		BillingMode:  awsdynamodb.BillingMode_PAY_PER_REQUEST,
	})

	table.Metric(jsii.String("ReadThrottleEvents"), &awscloudwatch.MetricOptions{Statistic: jsii.String("Sum")}).CreateAlarm(stack, jsii.String("OrdersReadThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("orders-read-throttles-%s", suffix)),
		AlarmDescription:  jsii.String("DynamoDB table Orders throttled 10 or more reads in 5 minutes"),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	table.Metric(jsii.String("WriteThrottleEvents"), &awscloudwatch.MetricOptions{Statistic: jsii.String("Sum")}).CreateAlarm(stack, jsii.String("OrdersWriteThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("orders-write-throttles-%s", suffix)),
		AlarmDescription:  jsii.String("DynamoDB table Orders throttled 10 or more writes in 5 minutes"),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	ordersDlq := awssqs.NewQueue(stack, jsii.String("OrdersDlq"), &awssqs.QueueProps{
		QueueName: jsii.String(fmt.Sprintf("orders-dlq-%s", suffix)),
	})

	processOrder := awslambda.NewFunction(stack, jsii.String("ProcessOrder"), &awslambda.FunctionProps{
		FunctionName:    jsii.String(fmt.Sprintf("process-order-%s", suffix)),
		Runtime:         awslambda.Runtime_PROVIDED_AL2023(),
		Handler:         jsii.String("bootstrap"),
		Code:            awslambda.Code_FromAsset(jsii.String("lambda"), nil),
		DeadLetterQueue: ordersDlq,
	})

	processOrder.MetricErrors(nil).CreateAlarm(stack, jsii.String("ProcessOrderErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("process-order-errors-%s", suffix)),
		AlarmDescription:  jsii.String("Lambda function ProcessOrder failed 5 or more times in 5 minutes"),
		Threshold:         jsii.Number(5),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	processOrder.MetricThrottles(nil).CreateAlarm(stack, jsii.String("ProcessOrderThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("process-order-throttles-%s", suffix)),
		AlarmDescription:  jsii.String("Lambda function ProcessOrder was throttled 1 or more times in 5 minutes"),
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	ordersDlq.MetricApproximateNumberOfMessagesVisible(nil).CreateAlarm(stack, jsii.String("OrdersDlqMessages"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:          jsii.String(fmt.Sprintf("orders-dlq-messages-%s", suffix)),
		AlarmDescription:   jsii.String("Dead-letter queue OrdersDlq holds more than 0 messages: messages failed processing"),
		Threshold:          jsii.Number(0),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))
	table.GrantReadWriteData(processOrder)

	return stack
}
