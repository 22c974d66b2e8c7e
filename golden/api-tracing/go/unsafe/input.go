package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLegacyApiStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsapigateway.NewRestApi(stack, jsii.String("LegacyApi"), &awsapigateway.RestApiProps{
		DeployOptions: &awsapigateway.StageOptions{
			StageName:      jsii.String("prod"),
			TracingEnabled: jsii.Bool(false),
		},
	})

	return stack
}
