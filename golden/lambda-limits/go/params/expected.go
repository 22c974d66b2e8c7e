package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdanodejs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPipelineStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awslambdanodejs.NewNodejsFunction(stack, jsii.String("ExtractFunction"), &awslambdanodejs.NodejsFunctionProps{
		Entry:      jsii.String("src/extract.ts"),
		Runtime:    awslambda.Runtime_NODEJS_20_X(),
		Timeout:    awscdk.Duration_Minutes(jsii.Number(5)),
		MemorySize: jsii.Number(1024),
	})
	awslambda.NewDockerImageFunction(stack, jsii.String("TransformFunction"), &awslambda.DockerImageFunctionProps{
		Code:       awslambda.DockerImageCode_FromImageAsset(jsii.String("transform"), nil),
		Timeout:    awscdk.Duration_Minutes(jsii.Number(15)),
		MemorySize: jsii.Number(1024),
	})

	return stack
}
