package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)
	pager := awssns.NewTopic(stack, jsii.String("Pager"), nil)

	table := awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})
	// Both throttle events, through one metric the table's alarms read by name.
	awscloudwatch.NewAlarm(stack, jsii.String("OrdersThrottled"), &awscloudwatch.AlarmProps{
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:     jsii.String("AWS/DynamoDB"),
			MetricName:    jsii.String("ThrottledRequests"),
			DimensionsMap: &map[string]*string{"TableName": table.TableName()},
		}),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
	})

	worker := awslambda.NewFunction(stack, jsii.String("Worker"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda"), nil),
	})
	errors := worker.MetricErrors(nil).CreateAlarm(stack, jsii.String("WorkerErrors"), &awscloudwatch.CreateAlarmOptions{
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(3),
	})
	errors.AddAlarmAction(awscloudwatchactions.NewSnsAction(pager))
	worker.MetricThrottles(nil).CreateAlarm(stack, jsii.String("WorkerThrottles"), &awscloudwatch.CreateAlarmOptions{
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
	})

	return stack
}
