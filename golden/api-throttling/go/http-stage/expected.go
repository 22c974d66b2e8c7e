package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	apigwv2 "github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewChatStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	chatApi := apigwv2.NewWebSocketApi(stack, jsii.String("ChatApi"), nil)
	apigwv2.NewWebSocketStage(stack, jsii.String("ChatProdStage"), &apigwv2.WebSocketStageProps{
		WebSocketApi: chatApi,
		StageName:    jsii.String("prod"),
		AutoDeploy:   jsii.Bool(true),
		Throttle: &apigwv2.ThrottleSettings{
			RateLimit:  jsii.Number(100),
			BurstLimit: jsii.Number(200),
		},
	})

	adminApi := apigwv2.NewHttpApi(stack, jsii.String("AdminApi"), &apigwv2.HttpApiProps{CreateDefaultStage: jsii.Bool(false)})
	apigwv2.NewHttpStage(stack, jsii.String("AdminStage"), &apigwv2.HttpStageProps{
		HttpApi:   adminApi,
		StageName: jsii.String("admin"),
		Throttle:  &apigwv2.ThrottleSettings{BurstLimit: jsii.Number(20), RateLimit: jsii.Number(100)},
	})

	return stack
}
