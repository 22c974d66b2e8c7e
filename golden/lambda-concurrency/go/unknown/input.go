package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type TenantStackProps struct {
	awscdk.StackProps
	TenantConcurrency float64
	FunctionDefaults  *awslambda.FunctionProps
}

func NewTenantStack(scope constructs.Construct, id string, props *TenantStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awslambda.NewFunction(stack, jsii.String("TenantFunction"), &awslambda.FunctionProps{
		Runtime:                      awslambda.Runtime_PYTHON_3_12(),
		Handler:                      jsii.String("tenant.handler"),
		Code:                         awslambda.Code_FromAsset(jsii.String("lambda/tenant"), nil),
		ReservedConcurrentExecutions: jsii.Number(props.TenantConcurrency),
	})
	awslambda.NewFunction(stack, jsii.String("AdminFunction"), props.FunctionDefaults)

	return stack
}
