package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	ddb "github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// a specification that says nothing yet
	ddb.NewTable(stack, jsii.String("Orders"), &ddb.TableProps{
		PartitionKey:                     &ddb.Attribute{Name: jsii.String("id"), Type: ddb.AttributeType_STRING},
		PointInTimeRecoverySpecification: &ddb.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: jsii.Bool(true)},
	})

	// the older flag in another table: this one is written that way too
	ddb.NewTable(stack, jsii.String("Carts"), &ddb.TableProps{
		PartitionKey:        &ddb.Attribute{Name: jsii.String("id"), Type: ddb.AttributeType_STRING},
		PointInTimeRecovery: jsii.Bool(true),
	})
	ddb.NewTable(stack, jsii.String("Wishlists"), &ddb.TableProps{PartitionKey: &ddb.Attribute{Name: jsii.String("id"), Type: ddb.AttributeType_STRING}, PointInTimeRecovery: jsii.Bool(true)})

	return stack
}
