package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfrontorigins"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, environmentSuffix string, handler awslambda.IFunction) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// the web front end: a static site behind CloudFront
	siteBucket := awss3.NewBucket(stack, jsii.String("SiteBucket"), nil)
	awscloudfront.NewDistribution(stack, jsii.String("Site"), &awscloudfront.DistributionProps{
		DefaultBehavior: &awscloudfront.BehaviorOptions{
			Origin: awscloudfrontorigins.S3BucketOrigin_WithOriginAccessControl(siteBucket, nil),
		},
		DefaultRootObject: jsii.String("index.html"),
	})

	awsapigatewayv2.NewHttpApi(stack, jsii.String("OrdersHttpApi"), &awsapigatewayv2.HttpApiProps{
		ApiName: jsii.String(fmt.Sprintf("orders-%s", environmentSuffix)),
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersRestApi"), &awsapigateway.LambdaRestApiProps{
		Handler:     handler,
		RestApiName: jsii.String(fmt.Sprintf("orders-rest-%s", environmentSuffix)),
	})

	return stack
}
