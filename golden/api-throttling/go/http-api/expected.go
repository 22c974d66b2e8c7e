package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2integrations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWebhooksStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	webhookFn := awslambda.NewFunction(stack, jsii.String("WebhookFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("webhook.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda"), nil),
	})

	httpApi := awsapigatewayv2.NewHttpApi(stack, jsii.String("WebhooksApi"), &awsapigatewayv2.HttpApiProps{
		DefaultIntegration: awsapigatewayv2integrations.NewHttpLambdaIntegration(jsii.String("WebhookIntegration"), webhookFn, nil),
	})
	httpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage).AddPropertyOverride(jsii.String("DefaultRouteSettings"), map[string]interface{}{
		"ThrottlingBurstLimit": 200,
		"ThrottlingRateLimit":  100,
	})

	awscdk.NewCfnOutput(stack, jsii.String("WebhooksUrl"), &awscdk.CfnOutputProps{Value: httpApi.Url()})

	return stack
}
