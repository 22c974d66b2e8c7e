package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewReportsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	reportsFnDlq := awssqs.NewQueue(stack, jsii.String("ReportsFunctionDlq"), &awssqs.QueueProps{
		QueueName:       jsii.String("reports-dlq"),
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
	})

	// Invoked by SDK calls from another stack: no invoker in this app.
	reportsFn := awslambda.NewFunction(stack, jsii.String("ReportsFunction"), &awslambda.FunctionProps{
		FunctionName:    jsii.String("reports"),
		Runtime:         awslambda.Runtime_PYTHON_3_12(),
		Handler:         jsii.String("reports.handler"),
		Code:            awslambda.Code_FromAsset(jsii.String("lambda/reports"), nil),
		DeadLetterQueue: reportsFnDlq,
	})
	awscdk.NewCfnOutput(stack, jsii.String("ReportsFunctionArn"), &awscdk.CfnOutputProps{Value: reportsFn.FunctionArn()})

	return stack
}
