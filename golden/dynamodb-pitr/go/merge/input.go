package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewReportsStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsdynamodb.NewTableV2(stack, jsii.String("ReportsTable"), &awsdynamodb.TablePropsV2{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("report_id"), Type: awsdynamodb.AttributeType_STRING},
		PointInTimeRecoverySpecification: &awsdynamodb.PointInTimeRecoverySpecification{
			RecoveryPeriodInDays: jsii.Number(14),
		},
	})

	return stack
}
