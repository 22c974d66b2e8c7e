package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLedgerStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsdynamodb.NewCfnTable(stack, jsii.String("LedgerTable"), &awsdynamodb.CfnTableProps{
		KeySchema: &[]interface{}{
			&awsdynamodb.CfnTable_KeySchemaProperty{AttributeName: jsii.String("entry_id"), KeyType: jsii.String("HASH")},
		},
		AttributeDefinitions: &[]interface{}{
			&awsdynamodb.CfnTable_AttributeDefinitionProperty{AttributeName: jsii.String("entry_id"), AttributeType: jsii.String("S")},
		},
		BillingMode: jsii.String("PAY_PER_REQUEST"),
		PointInTimeRecoverySpecification: &awsdynamodb.CfnTable_PointInTimeRecoverySpecificationProperty{
			PointInTimeRecoveryEnabled: jsii.Bool(true),
		},
	})

	return stack
}
