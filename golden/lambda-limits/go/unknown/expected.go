package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NewBatchStack takes its functions' settings (timeout, memory) from the caller.
func NewBatchStack(scope constructs.Construct, id string, functionDefaults awslambda.FunctionProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	importProps := functionDefaults
	importProps.Handler = jsii.String("import.handler")
	importProps.Code = awslambda.Code_FromAsset(jsii.String("lambda/import"), nil)
	awslambda.NewFunction(stack, jsii.String("ImportFunction"), &importProps)

	return stack
}
