package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersApiStack(scope constructs.Construct, id string, stageOptions *awsapigateway.StageOptions, sharedProps *awsapigateway.RestApiProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	api := awsapigateway.NewRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.RestApiProps{
		DeployOptions: stageOptions,
	})
	api.Root().AddMethod(jsii.String("ANY"), awsapigateway.NewMockIntegration(nil), nil)

	shared := awsapigateway.NewRestApi(stack, jsii.String("SharedApi"), sharedProps)
	shared.Root().AddMethod(jsii.String("ANY"), awsapigateway.NewMockIntegration(nil), nil)

	return stack
}
