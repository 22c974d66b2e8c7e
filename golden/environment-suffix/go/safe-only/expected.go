package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type OrdersStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewOrdersStack(scope constructs.Construct, id string, props *OrdersStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{
		TableName:    jsii.String("orders"),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})

	awssqs.NewQueue(stack, jsii.String("Events"), &awssqs.QueueProps{
		QueueName: jsii.String("order_events.fifo"),
		Fifo:      jsii.Bool(true),
	})

	awslambda.NewFunction(stack, jsii.String("Handler"), &awslambda.FunctionProps{
		FunctionName: jsii.String(fmt.Sprintf("orders-handler-%s", props.EnvironmentSuffix)),
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/orders"), nil),
	})

	return stack
}
