package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewJobsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awslambda.NewFunction(stack, jsii.String("Resize"), &awslambda.FunctionProps{
		Runtime:    awslambda.Runtime_PROVIDED_AL2023(),
		Handler:    jsii.String("bootstrap"),
		Code:       awslambda.Code_FromAsset(jsii.String("lambda/resize"), nil),
		Timeout:    awscdk.Duration_Seconds(jsii.Number(3)),
		MemorySize: jsii.Number(128),
	})

	awslambda.NewCfnFunction(stack, jsii.String("Legacy"), &awslambda.CfnFunctionProps{
		Role:       jsii.String("arn:aws:iam::123456789012:role/legacy"),
		Runtime:    jsii.String("provided.al2023"),
		Handler:    jsii.String("bootstrap"),
		Code:       &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("artifacts"), S3Key: jsii.String("legacy.zip")},
		Timeout:    jsii.Number(10),
		MemorySize: jsii.Number(128),
	})

	return stack
}
