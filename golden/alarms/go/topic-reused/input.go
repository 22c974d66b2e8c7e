package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkerStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)
	opsTopic := awssns.NewTopic(stack, jsii.String("OpsTopic"), nil)

	worker := awslambda.NewFunction(stack, jsii.String("Worker"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda"), nil),
	})
	worker.MetricErrors(nil).CreateAlarm(stack, jsii.String("WorkerErrors"), &awscloudwatch.CreateAlarmOptions{
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(opsTopic))

	return stack
}
