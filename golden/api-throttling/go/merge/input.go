package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCheckoutApiStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	accessLogs := awslogs.NewLogGroup(stack, jsii.String("CheckoutApiAccessLogs"), nil)

	api := awsapigateway.NewRestApi(stack, jsii.String("CheckoutApi"), &awsapigateway.RestApiProps{
		DeployOptions: &awsapigateway.StageOptions{
			StageName:            jsii.String("prod"),
			AccessLogDestination: awsapigateway.NewLogGroupLogDestination(accessLogs),
			ThrottlingBurstLimit: jsii.Number(500),
		},
	})
	api.Root().AddMethod(jsii.String("ANY"), awsapigateway.NewMockIntegration(nil), nil)

	return stack
}
