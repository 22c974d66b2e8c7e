package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
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

	ordersTable := awsdynamodb.NewCfnTable(stack, jsii.String("OrdersTable"), &awsdynamodb.CfnTableProps{
		TableName: jsii.String(fmt.Sprintf("orders-%s", suffix)),
		KeySchema: &[]interface{}{
			&awsdynamodb.CfnTable_KeySchemaProperty{AttributeName: jsii.String("id"), KeyType: jsii.String("HASH")},
		},
		AttributeDefinitions: &[]interface{}{
			&awsdynamodb.CfnTable_AttributeDefinitionProperty{AttributeName: jsii.String("id"), AttributeType: jsii.String("S")},
		},
		BillingMode: jsii.String("PAY_PER_REQUEST"),
	})

	processOrder := awslambda.NewCfnFunction(stack, jsii.String("ProcessOrder"), &awslambda.CfnFunctionProps{
		Runtime: jsii.String("python3.12"),
		Handler: jsii.String("index.handler"),
		Role:    jsii.String("arn:aws:iam::123456789012:role/process-order"),
		Code: &awslambda.CfnFunction_CodeProperty{
			ZipFile: jsii.String("def handler(event, context):\n    return event\n"),
		},
	})

	_ = ordersTable
	_ = processOrder

	return stack
}
