package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type WorkersStackProps struct {
	awscdk.StackProps
	WorkerId     string
	ErrorMetrics []awscloudwatch.IMetric
}

func NewWorkersStack(scope constructs.Construct, id string, props *WorkersStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	// the construct id comes from the caller: the alarm's id cannot be written for it
	awslambda.NewFunction(stack, jsii.String(props.WorkerId), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda"), nil),
	})

	// alarms on metrics the caller passes in: which function they watch, the file cannot tell
	for i, metric := range props.ErrorMetrics {
		metric.CreateAlarm(stack, jsii.String("Errors"+string(rune('A'+i))), &awscloudwatch.CreateAlarmOptions{
			Threshold:         jsii.Number(1),
			EvaluationPeriods: jsii.Number(1),
		})
	}

	return stack
}
