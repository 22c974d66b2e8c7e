package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdaeventsources"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkersStack(scope constructs.Construct, id string, jobs awssqs.IQueue) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// Polls the queue: failed batches go back to it (and to its own DLQ)
	worker := awslambda.NewFunction(stack, jsii.String("Worker"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/worker"), nil),
	})
	worker.AddEventSource(awslambdaeventsources.NewSqsEventSource(jobs, nil))

	return stack
}
