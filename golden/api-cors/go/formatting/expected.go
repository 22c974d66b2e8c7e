package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3deployment"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, props *awss3deployment.BucketDeploymentProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	awss3deployment.NewBucketDeployment(stack, jsii.String("DeploySite"), props)

	api := awsapigatewayv2.NewHttpApi(stack, jsii.String("OrdersHttpApi"), &awsapigatewayv2.HttpApiProps{
		ApiName: jsii.String("orders"),
		CorsPreflight: &awsapigatewayv2.CorsPreflightOptions{
			AllowOrigins: jsii.Strings("https://orders.example.com"),
			AllowMethods: &[]awsapigatewayv2.CorsHttpMethod{awsapigatewayv2.CorsHttpMethod_ANY},
			AllowHeaders: jsii.Strings("Authorization", "Content-Type"),
		},
	}) // public API
	_ = api
	return stack
}
