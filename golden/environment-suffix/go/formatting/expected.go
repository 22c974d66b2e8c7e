package stacks

import (
	"fmt"

	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ddb "github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type OrdersStackProps struct {
	cdk.StackProps
	EnvironmentSuffix string
}

func NewOrdersStack(scope constructs.Construct, id string, props *OrdersStackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, &props.StackProps)

	// one line
	sqs.NewQueue(stack, jsii.String("Inline"), &sqs.QueueProps{QueueName: jsii.String(fmt.Sprintf("inline-%s", props.EnvironmentSuffix))})

	// a raw string, and comments around the name
	ddb.NewTable(
		stack,
		jsii.String("Spread"),
		&ddb.TableProps{
			// the table's name
			TableName: jsii.String(fmt.Sprintf("spread-%s", props.EnvironmentSuffix)), // raw

			PartitionKey: &ddb.Attribute{Name: jsii.String("id"), Type: ddb.AttributeType_STRING},
		},
	)

	return stack
}
