package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLogsStack(scope constructs.Construct, id string, props *awscdk.StackProps, days awslogs.RetentionDays, rawDays *float64) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awslogs.NewLogGroup(stack, jsii.String("Chosen"), &awslogs.LogGroupProps{
		Retention: days,
	})

	awslogs.NewCfnLogGroup(stack, jsii.String("Raw"), &awslogs.CfnLogGroupProps{
		RetentionInDays: rawDays,
	})

	return stack
}
