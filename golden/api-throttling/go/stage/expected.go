package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewStagesStack(scope constructs.Construct, id string, api awsapigateway.RestApi, httpApi awsapigatewayv2.HttpApi) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	deployment := awsapigateway.NewDeployment(stack, jsii.String("Deployment"), &awsapigateway.DeploymentProps{Api: api})
	awsapigateway.NewStage(stack, jsii.String("Beta"), &awsapigateway.StageProps{
		Deployment:           deployment,
		StageName:            jsii.String("beta"),
		ThrottlingRateLimit:  jsii.Number(100),
		ThrottlingBurstLimit: jsii.Number(200),
	})

	awsapigatewayv2.NewHttpStage(stack, jsii.String("Canary"), &awsapigatewayv2.HttpStageProps{
		HttpApi:   httpApi,
		StageName: jsii.String("canary"),
		Throttle: &awsapigatewayv2.ThrottleSettings{
			RateLimit:  jsii.Number(100),
			BurstLimit: jsii.Number(200),
		},
	})

	return stack
}
