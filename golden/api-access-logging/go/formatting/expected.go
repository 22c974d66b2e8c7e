package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	apigw "github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewApiStack(scope constructs.Construct, id string, props *cdk.StackProps, handler awslambda.IFunction) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	inlineAccessLogs := awslogs.NewLogGroup(stack, jsii.String("InlineAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	// one line
	apigw.NewLambdaRestApi(stack, jsii.String("Inline"), &apigw.LambdaRestApiProps{
		Handler: handler,
		Proxy:   jsii.Bool(true),
		DeployOptions: &apigw.StageOptions{
			AccessLogDestination: apigw.NewLogGroupLogDestination(inlineAccessLogs),
			AccessLogFormat: apigw.AccessLogFormat_JsonWithStandardFields(&apigw.JsonWithStandardFieldProps{
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

	compactAccessLogs := awslogs.NewLogGroup(stack, jsii.String("CompactAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	// options on one line
	apigw.NewRestApi(stack, jsii.String("Compact"), &apigw.RestApiProps{
		DeployOptions: &apigw.StageOptions{
			StageName:            jsii.String("v1"),
			AccessLogDestination: apigw.NewLogGroupLogDestination(compactAccessLogs),
			AccessLogFormat: apigw.AccessLogFormat_JsonWithStandardFields(&apigw.JsonWithStandardFieldProps{
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

	spreadAccessLogs := awslogs.NewLogGroup(stack, jsii.String("SpreadAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	// a blank line and comments split the runs gofmt aligns
	apigw.NewRestApi(
		stack,
		jsii.String("Spread"),
		&apigw.RestApiProps{
			RestApiName: jsii.String("spread"), // shown in the console
			Description: jsii.String("spread over lines"),

			// kept
			DeployOptions: &apigw.StageOptions{
				StageName: jsii.String("prod"),

				MetricsEnabled:       jsii.Bool(true), // per-method metrics
				AccessLogDestination: apigw.NewLogGroupLogDestination(spreadAccessLogs),
				AccessLogFormat: apigw.AccessLogFormat_JsonWithStandardFields(&apigw.JsonWithStandardFieldProps{
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
		},
	)

	return stack
}
