package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	sqs "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type QueuesStackProps struct {
	cdk.StackProps
	EnvironmentSuffix string
}

// NewQueuesStack: the tags go after the stack is made, whatever comes between.
func NewQueuesStack(scope constructs.Construct, id string, props *QueuesStackProps) cdk.Stack {
	stack := cdk.NewStack(
		scope,
		&id,
		&props.StackProps, // from the app
	)
	// one tag is there already
	cdk.Tags_Of(stack).Add(jsii.String("Team"), jsii.String("orders"), nil)

	sqs.NewQueue(stack, jsii.String("Orders"), nil)

	return stack
}
