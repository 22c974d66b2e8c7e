package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDebugStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// the platform team's log shipper sets retention on every /aws/lambda group
	// iacfix: ignore[log-retention]
	awslambda.NewFunction(stack, jsii.String("Debug"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("debug.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/debug"), nil),
	})

	return stack
}
