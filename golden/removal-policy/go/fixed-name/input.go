package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkerStack(scope constructs.Construct, id string, workerName string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// named by a parameter: retained, it would still exist when the stack is created again
	awslogs.NewLogGroup(stack, jsii.String("WorkerLogs"), &awslogs.LogGroupProps{
		LogGroupName: jsii.String(workerName),
		Retention:    awslogs.RetentionDays_ONE_MONTH,
	})

	// named by the stack: the same
	awslogs.NewLogGroup(stack, jsii.String("AuditLogs"), &awslogs.LogGroupProps{
		LogGroupName: jsii.String(fmt.Sprintf("%s-audit", *stack.StackName())),
		Retention:    awslogs.RetentionDays_ONE_MONTH,
	})

	helper := awslambda.NewFunction(stack, jsii.String("Helper"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String("def handler(event, context):\n    return event\n")),
	})

	// named after a function of the stack: new with every stack, retained as usual
	awslogs.NewLogGroup(stack, jsii.String("HelperEvents"), &awslogs.LogGroupProps{
		LogGroupName: jsii.String(fmt.Sprintf("/events/%s", *helper.FunctionName())),
		Retention:    awslogs.RetentionDays_ONE_MONTH,
	})

	// no name: CloudFormation generates one
	awslogs.NewLogGroup(stack, jsii.String("AccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	return stack
}
