package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	lambda "github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkersStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), nil)

	// failures land here
	failed := sqs.NewQueue(stack, jsii.String("FailedJobs"), &sqs.QueueProps{RetentionPeriod: cdk.Duration_Days(jsii.Number(14))})

	// the worker, on lines of its own
	worker := lambda.NewFunction(
		stack,
		jsii.String("Worker"),
		&lambda.FunctionProps{
			Runtime: lambda.Runtime_PROVIDED_AL2023(), // custom runtime
			Handler: jsii.String("bootstrap"),

			Code:            lambda.Code_FromAsset(jsii.String("lambda"), nil),
			DeadLetterQueue: failed,
		},
	)
	worker.AddEnvironment(jsii.String("MODE"), jsii.String("batch"), nil) // set after

	worker.MetricErrors(nil).CreateAlarm(stack, jsii.String("WorkerErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:  jsii.String("Lambda function Worker failed 5 or more times in 5 minutes"),
		Threshold:         jsii.Number(5),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	worker.MetricThrottles(nil).CreateAlarm(stack, jsii.String("WorkerThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:  jsii.String("Lambda function Worker was throttled 1 or more times in 5 minutes"),
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	failed.MetricApproximateNumberOfMessagesVisible(nil).CreateAlarm(stack, jsii.String("FailedJobsMessages"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:   jsii.String("Dead-letter queue FailedJobs holds more than 0 messages: messages failed processing"),
		Threshold:          jsii.Number(0),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	return stack
}
