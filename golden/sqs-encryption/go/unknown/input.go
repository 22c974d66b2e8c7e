package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQueuesStack(scope constructs.Construct, id string, props *awscdk.StackProps, encryption awssqs.QueueEncryption) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awssqs.NewQueue(stack, jsii.String("Chosen"), &awssqs.QueueProps{
		Encryption: encryption,
	})

	return stack
}
