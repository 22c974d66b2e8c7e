package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type Limits struct {
	Rate  float64
	Burst float64
}

func NewQuotesApiStack(scope constructs.Construct, id string, handler awslambda.IFunction, limits Limits) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsapigateway.NewLambdaRestApi(stack, jsii.String("QuotesApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
		DeployOptions: &awsapigateway.StageOptions{
			ThrottlingRateLimit:  jsii.Number(limits.Rate),
			ThrottlingBurstLimit: jsii.Number(limits.Burst),
		},
	})

	// No stage is deployed from here
	awsapigateway.NewRestApi(stack, jsii.String("AdminApi"), &awsapigateway.RestApiProps{
		Deploy: jsii.Bool(false),
	})

	return stack
}
