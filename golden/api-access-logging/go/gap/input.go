package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersApiStack(scope constructs.Construct, id string, ordersFn awslambda.IFunction) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// The public API
	api := awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{
		Handler: ordersFn,
		Proxy:   jsii.Bool(false),
	})
	api.Root().AddResource(jsii.String("orders"), nil).AddMethod(jsii.String("POST"), nil, nil)

	return stack
}
