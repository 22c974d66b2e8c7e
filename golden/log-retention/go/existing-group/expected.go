package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewAuditStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// deployed for years: a retention period would delete the older events
	awslogs.NewCfnLogGroup(stack, jsii.String("AuditLogGroup"), &awslogs.CfnLogGroupProps{LogGroupName: jsii.String("/payments/audit")})
	awslogs.NewLogGroup(stack, jsii.String("AccessLogGroup"), &awslogs.LogGroupProps{Retention: awslogs.RetentionDays_INFINITE})

	exportFunctionLogGroup := awslogs.NewLogGroup(stack, jsii.String("ExportFunctionLogGroup"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	// exports the audit trail nightly
	awslambda.NewFunction(stack, jsii.String("ExportFunction"), &awslambda.FunctionProps{
		Runtime:  awslambda.Runtime_PROVIDED_AL2023(),
		Handler:  jsii.String("bootstrap"),
		Code:     awslambda.Code_FromAsset(jsii.String("lambda/export"), nil),
		LogGroup: exportFunctionLogGroup,
	})

	return stack
}
