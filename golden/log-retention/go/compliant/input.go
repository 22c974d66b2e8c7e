package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLogsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// an L2 log group keeps logs two years unless told otherwise
	group := awslogs.NewLogGroup(stack, jsii.String("AppLogs"), nil)

	awslogs.NewLogGroup(stack, jsii.String("AuditLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_YEAR,
	})

	awslogs.NewCfnLogGroup(stack, jsii.String("Raw"), &awslogs.CfnLogGroupProps{
		RetentionInDays: jsii.Number(14),
	})

	awslambda.NewFunction(stack, jsii.String("Worker"), &awslambda.FunctionProps{
		Runtime:  awslambda.Runtime_PROVIDED_AL2023(),
		Handler:  jsii.String("bootstrap"),
		Code:     awslambda.Code_FromAsset(jsii.String("lambda/worker"), nil),
		LogGroup: group,
	})

	awslambda.NewFunction(stack, jsii.String("Reporter"), &awslambda.FunctionProps{
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/reporter"), nil),
		LogRetention: awslogs.RetentionDays_ONE_WEEK,
	})

	return stack
}
