package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQuotesApiStack(scope constructs.Construct, id string, handler awslambda.IFunction) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsapigateway.NewLambdaRestApi(stack, jsii.String("QuotesApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
	})

	awsapigateway.NewRestApi(stack, jsii.String("AdminApi"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String("admin"),
		DeployOptions: &awsapigateway.StageOptions{
			StageName:           jsii.String("v1"),
			MetricsEnabled:      jsii.Bool(true),
			ThrottlingRateLimit: jsii.Number(50),
		},
	})

	return stack
}
