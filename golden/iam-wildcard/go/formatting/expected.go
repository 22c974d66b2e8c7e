package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ddb "github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	iam "github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string) cdk.Stack {
	stack := cdk.NewStack(scope, &id, nil)

	orders := ddb.NewTable(stack, jsii.String("Orders"), &ddb.TableProps{
		PartitionKey: &ddb.Attribute{Name: jsii.String("id"), Type: ddb.AttributeType_STRING},
	})
	role := iam.NewRole(stack, jsii.String("OrdersRole"), &iam.RoleProps{
		AssumedBy: iam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
	})

	// one line
	role.AddToPolicy(iam.NewPolicyStatement(&iam.PolicyStatementProps{Actions: jsii.Strings("dynamodb:GetItem"), Resources: &[]*string{orders.TableArn()}}))

	// a comment on the wildcard, and a blank line in the statement
	role.AddToPolicy(iam.NewPolicyStatement(&iam.PolicyStatementProps{
		Actions: jsii.Strings(
			"dynamodb:Query",
			"dynamodb:Scan",
		),

		Resources: &[]*string{orders.TableArn(), jsii.String(*orders.TableArn() + "/index/*")}, // to be narrowed
	}))
	_ = orders

	return stack
}
