package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type TenantApiStackProps struct {
	awscdk.StackProps
	Trace        bool
	StageOptions *awsapigateway.StageOptions
	Deploy       bool
}

func NewTenantApiStack(scope constructs.Construct, id string, props *TenantApiStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awsapigateway.NewRestApi(stack, jsii.String("TenantApi"), &awsapigateway.RestApiProps{
		DeployOptions: &awsapigateway.StageOptions{TracingEnabled: jsii.Bool(props.Trace)},
	})
	awsapigateway.NewRestApi(stack, jsii.String("AdminApi"), &awsapigateway.RestApiProps{DeployOptions: props.StageOptions})
	awsapigateway.NewRestApi(stack, jsii.String("ReportsApi"), &awsapigateway.RestApiProps{Deploy: jsii.Bool(props.Deploy)})

	return stack
}
