package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersApiStack(scope constructs.Construct, id string, handler awslambda.IFunction) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	ordersApiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("OrdersApiAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{
		Handler:        handler,
		CloudWatchRole: jsii.Bool(true),
		DeployOptions: &awsapigateway.StageOptions{
			AccessLogDestination: awsapigateway.NewLogGroupLogDestination(ordersApiAccessLogs),
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
		},
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("ReportsApi"), &awsapigateway.LambdaRestApiProps{
		Handler: handler,
		DeployOptions: &awsapigateway.StageOptions{
			StageName: jsii.String("v1"),
		},
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("AdminApi"), &awsapigateway.LambdaRestApiProps{
		Handler:        handler,
		CloudWatchRole: jsii.Bool(false),
	})

	return stack
}
