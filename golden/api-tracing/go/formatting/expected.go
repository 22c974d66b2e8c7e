package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	apigw "github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewApiStack(scope constructs.Construct, id string, props *cdk.StackProps, handler awslambda.IFunction) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	apigw.NewLambdaRestApi(stack, jsii.String("Inline"), &apigw.LambdaRestApiProps{
		Handler: handler,
		Proxy:   jsii.Bool(true),
		DeployOptions: &apigw.StageOptions{
			TracingEnabled: jsii.Bool(true),
		},
	})

	// options on one line
	apigw.NewRestApi(stack, jsii.String("Compact"), &apigw.RestApiProps{
		DeployOptions: &apigw.StageOptions{StageName: jsii.String("v1"), TracingEnabled: jsii.Bool(true)},
	})

	// a blank line and comments split the runs gofmt aligns
	apigw.NewRestApi(
		stack,
		jsii.String("Spread"),
		&apigw.RestApiProps{
			RestApiName: jsii.String("spread"), // shown in the console
			Description: jsii.String("spread over lines"),

			// kept
			DeployOptions: &apigw.StageOptions{
				StageName: jsii.String("prod"),

				MetricsEnabled: jsii.Bool(true), // per-method metrics
				TracingEnabled: jsii.Bool(true),
			},
		},
	)

	return stack
}
