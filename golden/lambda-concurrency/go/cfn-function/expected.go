package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewInlineStack(scope constructs.Construct, id string, roleArn *string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awslambda.NewCfnFunction(stack, jsii.String("RotateFunction"), &awslambda.CfnFunctionProps{
		Role:    roleArn,
		Runtime: jsii.String("python3.12"),
		Handler: jsii.String("index.handler"),
		Code: &awslambda.CfnFunction_CodeProperty{
			ZipFile: jsii.String("def handler(event, context):\n    return event\n"),
		},
		Timeout:                      jsii.Number(60),
		MemorySize:                   jsii.Number(128),
		ReservedConcurrentExecutions: jsii.Number(25),
	})

	return stack
}
