package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	lambda "github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewJobsStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)
	code := lambda.Code_FromAsset(jsii.String("lambda"), nil)

	// one line
	lambda.NewFunction(stack, jsii.String("Inline"), &lambda.FunctionProps{
		Runtime: lambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    code,
		Tracing: lambda.Tracing_ACTIVE,
	})

	// a blank line and comments split the runs gofmt aligns
	lambda.NewFunction(
		stack,
		jsii.String("Spread"),
		&lambda.FunctionProps{
			Runtime: lambda.Runtime_PROVIDED_AL2023(), // custom runtime
			Handler: jsii.String("bootstrap"),

			// kept
			Code:       code,
			MemorySize: jsii.Number(256),
			Tracing:    lambda.Tracing_ACTIVE,
		},
	)

	return stack
}
