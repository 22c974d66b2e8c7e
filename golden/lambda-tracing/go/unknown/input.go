package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQuotesStack(scope constructs.Construct, id string, tracing awslambda.Tracing) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awslambda.NewFunction(stack, jsii.String("QuoteFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("quote.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/quote"), nil),
		Tracing: tracing,
	})

	sharedPolicies := &[]awsiam.IManagedPolicy{
		awsiam.ManagedPolicy_FromManagedPolicyName(stack, jsii.String("Base"), jsii.String("lambda-base")),
	}
	exportRole := awsiam.NewRole(stack, jsii.String("ExportRole"), &awsiam.RoleProps{
		AssumedBy:       awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		ManagedPolicies: sharedPolicies,
	})
	awslambda.NewCfnFunction(stack, jsii.String("ExportFunction"), &awslambda.CfnFunctionProps{
		Runtime: jsii.String("python3.12"),
		Handler: jsii.String("index.handler"),
		Role:    exportRole.RoleArn(),
		Code: &awslambda.CfnFunction_CodeProperty{
			S3Bucket: jsii.String("quote-artifacts"),
			S3Key:    jsii.String("export.zip"),
		},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})

	return stack
}
