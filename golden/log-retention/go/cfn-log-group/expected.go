package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewVpcLogsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	flowLogs := awslogs.NewCfnLogGroup(stack, jsii.String("FlowLogs"), &awslogs.CfnLogGroupProps{
		LogGroupName:    jsii.String("/vpc/flow-logs"),
		RetentionInDays: jsii.Number(30),
	})
	awslogs.NewCfnLogGroup(stack, jsii.String("Dns"), &awslogs.CfnLogGroupProps{
		LogGroupName:    jsii.String("/dns"),
		RetentionInDays: jsii.Number(30),
	})
	_ = flowLogs

	return stack
}
