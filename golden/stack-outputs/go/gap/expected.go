package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	ordersDlq := awssqs.NewQueue(stack, jsii.String("OrdersDeadLetterQueue"), nil)
	ordersQueue := awssqs.NewQueue(stack, jsii.String("OrdersQueue"), &awssqs.QueueProps{
		DeadLetterQueue: &awssqs.DeadLetterQueue{
			MaxReceiveCount: jsii.Number(5),
			Queue:           ordersDlq,
		},
	})
	awscdk.NewCfnOutput(stack, jsii.String("OrdersQueueUrl"), &awscdk.CfnOutputProps{
		Value: ordersQueue.QueueUrl(),
	})

	ordersTable := awsdynamodb.NewTable(stack, jsii.String("OrdersTable"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		BillingMode:  awsdynamodb.BillingMode_PAY_PER_REQUEST,
	})
	ordersTable.AddGlobalSecondaryIndex(&awsdynamodb.GlobalSecondaryIndexProps{
		IndexName:    jsii.String("by-customer"),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("customer"), Type: awsdynamodb.AttributeType_STRING},
	})
	awscdk.NewCfnOutput(stack, jsii.String("OrdersTableName"), &awscdk.CfnOutputProps{
		Value: ordersTable.TableName(),
	})

	orderEvents := awssns.NewTopic(stack, jsii.String("OrderEvents"), nil)
	awscdk.NewCfnOutput(stack, jsii.String("OrderEventsArn"), &awscdk.CfnOutputProps{
		Value: orderEvents.TopicArn(),
	})
	opsTopic := awssns.NewTopic(stack, jsii.String("OpsTopic"), nil)

	backlog := awscloudwatch.NewAlarm(stack, jsii.String("OrdersBacklog"), &awscloudwatch.AlarmProps{
		Metric:            ordersQueue.MetricApproximateNumberOfMessagesVisible(nil),
		Threshold:         jsii.Number(100),
		EvaluationPeriods: jsii.Number(3),
	})
	backlog.AddAlarmAction(awscloudwatchactions.NewSnsAction(opsTopic))

	_ = ordersTable
	_ = orderEvents

	awssqs.NewQueue(stack, jsii.String("AuditQueue"), nil)

	return stack
}
