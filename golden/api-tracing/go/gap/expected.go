package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewApiStack(scope constructs.Construct, id string, props *awscdk.StackProps, handler awslambda.IFunction) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsapigateway.NewLambdaRestApi(stack, jsii.String("Public"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
		DeployOptions: &awsapigateway.StageOptions{
			TracingEnabled: jsii.Bool(true),
		},
	})

	awsapigateway.NewRestApi(stack, jsii.String("Admin"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String("admin"),
		DeployOptions: &awsapigateway.StageOptions{
			StageName:      jsii.String("v1"),
			MetricsEnabled: jsii.Bool(true),
			TracingEnabled: jsii.Bool(true),
		},
	})

	// no deployment: no stage to trace
	awsapigateway.NewRestApi(stack, jsii.String("Draft"), &awsapigateway.RestApiProps{
		Deploy: jsii.Bool(false),
	})

	return stack
}
