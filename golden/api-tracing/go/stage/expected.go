package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	apigw "github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewStagesStack(scope constructs.Construct, id string, api apigw.RestApi) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	deployment := apigw.NewDeployment(stack, jsii.String("Deployment"), &apigw.DeploymentProps{Api: api})
	apigw.NewStage(stack, jsii.String("BetaStage"), &apigw.StageProps{
		Deployment:     deployment,
		StageName:      jsii.String("beta"),
		TracingEnabled: jsii.Bool(true),
	})
	apigw.NewCfnStage(stack, jsii.String("CanaryStage"), &apigw.CfnStageProps{
		RestApiId:      api.RestApiId(),
		DeploymentId:   deployment.DeploymentId(),
		StageName:      jsii.String("canary"),
		TracingEnabled: jsii.Bool(true),
	})

	return stack
}
