package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	lambda "github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkersStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

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

	return stack
}
