package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewUsersStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	userId := &awsdynamodb.Attribute{Name: jsii.String("user_id"), Type: awsdynamodb.AttributeType_STRING}
	awsdynamodb.NewTable(stack, jsii.String("UsersTable"), &awsdynamodb.TableProps{PartitionKey: userId, PointInTimeRecovery: jsii.Bool(true)})
	awsdynamodb.NewTable(stack, jsii.String("ProfilesTable"), &awsdynamodb.TableProps{
		PartitionKey:        userId,
		PointInTimeRecovery: jsii.Bool(true),
	})

	return stack
}
