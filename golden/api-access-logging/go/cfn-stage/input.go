package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NewLegacyGatewayStack holds API Gateway resources ported one to one from a CloudFormation template.
func NewLegacyGatewayStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	restApi := awsapigateway.NewCfnRestApi(stack, jsii.String("PartnerApi"), &awsapigateway.CfnRestApiProps{
		Name: jsii.String("partner-api"),
	})
	method := awsapigateway.NewCfnMethod(stack, jsii.String("PartnerRootMethod"), &awsapigateway.CfnMethodProps{
		RestApiId:         restApi.Ref(),
		ResourceId:        restApi.AttrRootResourceId(),
		HttpMethod:        jsii.String("GET"),
		AuthorizationType: jsii.String("NONE"),
		Integration:       &awsapigateway.CfnMethod_IntegrationProperty{Type: jsii.String("MOCK")},
	})
	deployment := awsapigateway.NewCfnDeployment(stack, jsii.String("PartnerDeployment"), &awsapigateway.CfnDeploymentProps{
		RestApiId: restApi.Ref(),
	})
	deployment.AddDependency(method)
	awsapigateway.NewCfnStage(stack, jsii.String("PartnerStage"), &awsapigateway.CfnStageProps{
		RestApiId:    restApi.Ref(),
		DeploymentId: deployment.Ref(),
		StageName:    jsii.String("v1"),
	})

	eventsApi := awsapigatewayv2.NewCfnApi(stack, jsii.String("EventsApi"), &awsapigatewayv2.CfnApiProps{
		Name:         jsii.String("partner-events"),
		ProtocolType: jsii.String("HTTP"),
	})
	awsapigatewayv2.NewCfnStage(stack, jsii.String("EventsStage"), &awsapigatewayv2.CfnStageProps{
		ApiId:      eventsApi.Ref(),
		StageName:  jsii.String("$default"),
		AutoDeploy: jsii.Bool(true),
	})

	return stack
}
