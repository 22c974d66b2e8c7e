package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewEventsStack(scope constructs.Construct, id string, suffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &awscdk.StackProps{
		Tags: &map[string]*string{
			"ManagedBy": jsii.String("cdk"),
		},
	})
	awscdk.Tags_Of(stack).Add(jsii.String("Environment"), jsii.String(suffix), nil)

	awssqs.NewQueue(stack, jsii.String("Events"), &awssqs.QueueProps{
		QueueName: jsii.String(fmt.Sprintf("events-%s", suffix)),
	})

	return stack
}
