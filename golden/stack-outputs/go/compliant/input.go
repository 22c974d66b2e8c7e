package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	ordersQueue := awssqs.NewQueue(stack, jsii.String("OrdersQueue"), nil)

	awscdk.NewCfnOutput(stack, jsii.String("QueueArn"), &awscdk.CfnOutputProps{
		Value:      ordersQueue.QueueArn(),
		ExportName: jsii.String("orders-queue-arn"),
	})

	return stack
}
