package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPartnerApiStack(scope constructs.Construct, id string, stageOptions *awsapigateway.StageOptions, rateLimit float64) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	partnerApi := awsapigateway.NewRestApi(stack, jsii.String("PartnerApi"), &awsapigateway.RestApiProps{
		DeployOptions: stageOptions,
	})
	partnerApi.Root().AddMethod(jsii.String("GET"), awsapigateway.NewMockIntegration(nil), nil)

	statusApi := awsapigateway.NewRestApi(stack, jsii.String("StatusApi"), &awsapigateway.RestApiProps{
		DeployOptions: &awsapigateway.StageOptions{
			ThrottlingRateLimit:  jsii.Number(rateLimit),
			ThrottlingBurstLimit: jsii.Number(rateLimit * 2),
		},
	})
	statusApi.Root().AddMethod(jsii.String("GET"), awsapigateway.NewMockIntegration(nil), nil)

	return stack
}
