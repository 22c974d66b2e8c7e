package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewComplianceStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// kept forever by law; a lifecycle policy exports it
	// iacfix: ignore[log-retention]
	awslogs.NewCfnLogGroup(stack, jsii.String("Ledger"), &awslogs.CfnLogGroupProps{
		LogGroupName: jsii.String("/compliance/ledger"),
	})

	return stack
}
