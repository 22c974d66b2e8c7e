package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewInboxStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	for key, value := range organisationTags() {
		awscdk.Tags_Of(stack).Add(jsii.String(key), jsii.String(value), nil)
	}

	awssqs.NewQueue(stack, jsii.String("InboxQueue"), nil)

	return stack
}

func NewOutboxStack(scope constructs.Construct, id string, tags map[string]*string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &awscdk.StackProps{Tags: &tags})

	awssqs.NewQueue(stack, jsii.String("OutboxQueue"), nil)

	return stack
}

func organisationTags() map[string]string {
	return map[string]string{"CostCenter": "inbox"}
}
