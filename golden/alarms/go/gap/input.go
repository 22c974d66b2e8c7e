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
	suffix := props.EnvironmentSuffix

	table := awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{
		TableName:    jsii.String(fmt.Sprintf("orders-%s", suffix)),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		BillingMode:  awsdynamodb.BillingMode_PAY_PER_REQUEST,
	})

	ordersDlq := awssqs.NewQueue(stack, jsii.String("OrdersDlq"), &awssqs.QueueProps{
		QueueName: jsii.String(fmt.Sprintf("orders-dlq-%s", suffix)),
	})

	processOrder := awslambda.NewFunction(stack, jsii.String("ProcessOrder"), &awslambda.FunctionProps{
		FunctionName:    jsii.String(fmt.Sprintf("process-order-%s", suffix)),
		Runtime:         awslambda.Runtime_PROVIDED_AL2023(),
		Handler:         jsii.String("bootstrap"),
		Code:            awslambda.Code_FromAsset(jsii.String("lambda"), nil),
		DeadLetterQueue: ordersDlq,
	})
	table.GrantReadWriteData(processOrder)

	return stack
}
