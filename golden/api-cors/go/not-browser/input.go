package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NewOrdersStack: called by other services only, no front end, no CORS headers.
func NewOrdersStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	awsapigatewayv2.NewHttpApi(stack, jsii.String("OrdersHttpApi"), nil)
	awsapigateway.NewRestApi(stack, jsii.String("OrdersRestApi"), nil)
	return stack
}
