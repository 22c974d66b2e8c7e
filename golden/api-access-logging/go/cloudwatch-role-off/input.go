package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersApiStack(scope constructs.Construct, id string, handler awslambda.IFunction) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("ReportsApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
		DeployOptions: &awsapigateway.StageOptions{
			StageName: jsii.String("v1"),
		},
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("AdminApi"), &awsapigateway.LambdaRestApiProps{
		Handler:        handler,
		CloudWatchRole: jsii.Bool(false),
	})

	return stack
}
