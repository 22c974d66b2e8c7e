package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdanodejs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewExtractStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awslambdanodejs.NewNodejsFunction(stack, jsii.String("ExtractFunction"), &awslambdanodejs.NodejsFunctionProps{Entry: jsii.String("src/extract.ts")})

	return stack
}
