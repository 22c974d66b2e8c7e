package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	apigwv2 "github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2integrations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNotificationsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	handler := awslambda.NewFunction(stack, jsii.String("NotifyHandler"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("notify.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/notify"), nil),
	})

	httpApiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("NotificationsApiAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	httpApi := apigwv2.NewHttpApi(stack, jsii.String("NotificationsApi"), &apigwv2.HttpApiProps{
		DefaultIntegration: awsapigatewayv2integrations.NewHttpLambdaIntegration(jsii.String("Notify"), handler, nil),
	})
	httpApi.DefaultStage().Node().DefaultChild().(apigwv2.CfnStage).AddPropertyOverride(jsii.String("AccessLogSettings"), map[string]interface{}{
		"DestinationArn": httpApiAccessLogs.LogGroupArn(),
		"Format": `{"requestId":"$context.requestId","ip":"$context.identity.sourceIp",` +
			`"requestTime":"$context.requestTime","httpMethod":"$context.httpMethod",` +
			`"routeKey":"$context.routeKey","status":"$context.status",` +
			`"protocol":"$context.protocol","responseLength":"$context.responseLength"}`,
	})

	betaAccessLogs := awslogs.NewLogGroup(stack, jsii.String("BetaStageAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	beta := apigwv2.NewHttpStage(stack, jsii.String("BetaStage"), &apigwv2.HttpStageProps{HttpApi: httpApi, StageName: jsii.String("beta")})
	beta.Node().DefaultChild().(apigwv2.CfnStage).AddPropertyOverride(jsii.String("AccessLogSettings"), map[string]interface{}{
		"DestinationArn": betaAccessLogs.LogGroupArn(),
		"Format": `{"requestId":"$context.requestId","ip":"$context.identity.sourceIp",` +
			`"requestTime":"$context.requestTime","httpMethod":"$context.httpMethod",` +
			`"routeKey":"$context.routeKey","status":"$context.status",` +
			`"protocol":"$context.protocol","responseLength":"$context.responseLength"}`,
	})

	socketApi := apigwv2.NewWebSocketApi(stack, jsii.String("LiveApi"), nil)
	apigwv2.NewWebSocketStage(stack, jsii.String("LiveStage"), &apigwv2.WebSocketStageProps{WebSocketApi: socketApi, StageName: jsii.String("live")})
	_ = beta

	return stack
}
