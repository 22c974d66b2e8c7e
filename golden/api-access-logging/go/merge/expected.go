package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewAdminApiStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awslogs.NewLogGroup(stack, jsii.String("AuditLogs"), &awslogs.LogGroupProps{
		LogGroupName: jsii.String("admin-audit"),
		Retention:    awslogs.RetentionDays_ONE_YEAR,
	})

	adminApiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("AdminApiAccessLogs"), &awslogs.LogGroupProps{
		LogGroupName: jsii.String("admin-api-access-logs"),
		Retention:    awslogs.RetentionDays_ONE_MONTH,
	})

	awsapigateway.NewRestApi(stack, jsii.String("AdminApi"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String("admin-api"),
		DeployOptions: &awsapigateway.StageOptions{
			StageName:            jsii.String("v1"),
			AccessLogDestination: awsapigateway.NewLogGroupLogDestination(adminApiAccessLogs),
			AccessLogFormat: awsapigateway.AccessLogFormat_JsonWithStandardFields(&awsapigateway.JsonWithStandardFieldProps{
				Caller:         jsii.Bool(false),
				HttpMethod:     jsii.Bool(true),
				Ip:             jsii.Bool(true),
				Protocol:       jsii.Bool(true),
				RequestTime:    jsii.Bool(true),
				ResourcePath:   jsii.Bool(true),
				ResponseLength: jsii.Bool(true),
				Status:         jsii.Bool(true),
				User:           jsii.Bool(false),
			}),
			TracingEnabled:       jsii.Bool(true),
			ThrottlingRateLimit:  jsii.Number(100),
			ThrottlingBurstLimit: jsii.Number(200),
		},
	})

	return stack
}
