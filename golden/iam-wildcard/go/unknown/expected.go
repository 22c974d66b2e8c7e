package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

var readActions = jsii.Strings("dynamodb:GetItem", "dynamodb:Query")

func NewReportsStack(scope constructs.Construct, id string, effect awsiam.Effect) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	table := awsdynamodb.NewTable(stack, jsii.String("ReportsTable"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("reportId"), Type: awsdynamodb.AttributeType_STRING},
	})
	role := awsiam.NewRole(stack, jsii.String("ReportsRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
	})
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   readActions,
		Resources: jsii.Strings("*"),
	}))
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Effect:    effect,
		Actions:   jsii.Strings("dynamodb:PutItem"),
		Resources: jsii.Strings("*"),
	}))
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("dynamodb:DeleteItem"),
		Resources: &[]*string{table.TableArn(), jsii.String("*")},
	}))

	return stack
}
