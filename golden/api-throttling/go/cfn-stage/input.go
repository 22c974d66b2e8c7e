package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	apigwv2 "github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NewLegacyStagesStack ports a CloudFormation template's API Gateway resources one to one.
func NewLegacyStagesStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	restApi := awsapigateway.NewCfnRestApi(stack, jsii.String("LegacyRestApi"), &awsapigateway.CfnRestApiProps{
		Name: jsii.String("legacy"),
	})
	deployment := awsapigateway.NewCfnDeployment(stack, jsii.String("LegacyDeployment"), &awsapigateway.CfnDeploymentProps{
		RestApiId: restApi.Ref(),
	})

	awsapigateway.NewCfnStage(stack, jsii.String("LegacyStage"), &awsapigateway.CfnStageProps{
		RestApiId:    restApi.Ref(),
		DeploymentId: deployment.Ref(),
		StageName:    jsii.String("prod"),
		MethodSettings: &[]interface{}{
			&awsapigateway.CfnStage_MethodSettingProperty{
				HttpMethod:     jsii.String("GET"),
				ResourcePath:   jsii.String("/reports"),
				CachingEnabled: jsii.Bool(true),
			},
		},
	})

	awsapigateway.NewCfnStage(stack, jsii.String("LegacyStagingStage"), &awsapigateway.CfnStageProps{
		RestApiId:    restApi.Ref(),
		DeploymentId: deployment.Ref(),
		StageName:    jsii.String("staging"),
	})

	wsApi := apigwv2.NewCfnApi(stack, jsii.String("NotificationsApi"), &apigwv2.CfnApiProps{
		Name:                     jsii.String("notifications"),
		ProtocolType:             jsii.String("WEBSOCKET"),
		RouteSelectionExpression: jsii.String("$request.body.action"),
	})
	apigwv2.NewCfnStage(stack, jsii.String("NotificationsStage"), &apigwv2.CfnStageProps{
		ApiId:      wsApi.Ref(),
		StageName:  jsii.String("prod"),
		AutoDeploy: jsii.Bool(true),
		DefaultRouteSettings: &apigwv2.CfnStage_RouteSettingsProperty{
			DetailedMetricsEnabled: jsii.Bool(true),
		},
	})

	return stack
}
