package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, behavior *awscloudfront.BehaviorOptions) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	awscloudfront.NewDistribution(stack, jsii.String("Site"), &awscloudfront.DistributionProps{
		DefaultBehavior: behavior,
	})
	// iacfix: ignore[api-cors] called by the mobile app only
	awsapigatewayv2.NewHttpApi(stack, jsii.String("OrdersHttpApi"), nil)
	return stack
}
