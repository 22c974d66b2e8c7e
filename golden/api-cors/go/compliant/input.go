package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, cors *awsapigatewayv2.CorsPreflightOptions) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	awss3.NewBucket(stack, jsii.String("Site"), &awss3.BucketProps{
		WebsiteIndexDocument: jsii.String("index.html"),
	})

	awsapigatewayv2.NewHttpApi(stack, jsii.String("OrdersHttpApi"), &awsapigatewayv2.HttpApiProps{
		CorsPreflight: &awsapigatewayv2.CorsPreflightOptions{
			AllowOrigins: jsii.Strings("https://orders.example.com"),
		},
	})
	// built elsewhere: the author's
	awsapigatewayv2.NewHttpApi(stack, jsii.String("AdminHttpApi"), &awsapigatewayv2.HttpApiProps{
		CorsPreflight: cors,
	})

	awsapigateway.NewRestApi(stack, jsii.String("OrdersRestApi"), &awsapigateway.RestApiProps{
		DefaultCorsPreflightOptions: &awsapigateway.CorsOptions{
			AllowOrigins: awsapigateway.Cors_ALL_ORIGINS(),
		},
	})

	legacy := awsapigateway.NewRestApi(stack, jsii.String("LegacyRestApi"), nil)
	legacy.Root().AddCorsPreflight(&awsapigateway.CorsOptions{
		AllowOrigins: jsii.Strings("https://orders.example.com"),
	})
	return stack
}
