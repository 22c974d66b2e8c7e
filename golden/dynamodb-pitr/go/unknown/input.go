package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewTablesStack(scope constructs.Construct, id string, props *awscdk.StackProps, pitr *awsdynamodb.PointInTimeRecoverySpecification, enabled *bool) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsdynamodb.NewTable(stack, jsii.String("Passed"), &awsdynamodb.TableProps{
		PartitionKey:                     &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		PointInTimeRecoverySpecification: pitr,
	})

	awsdynamodb.NewTable(stack, jsii.String("Flag"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		PointInTimeRecoverySpecification: &awsdynamodb.PointInTimeRecoverySpecification{
			PointInTimeRecoveryEnabled: enabled,
		},
	})

	return stack
}
