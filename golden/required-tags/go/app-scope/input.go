package main

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type EventsStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewEventsStack(scope constructs.Construct, id string, props *EventsStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	awscdk.Tags_Of(stack).Add(jsii.String("Team"), jsii.String("payments"), nil)

	awssqs.NewQueue(stack, jsii.String("Events"), &awssqs.QueueProps{
		QueueName: jsii.String(fmt.Sprintf("events-%s", props.EnvironmentSuffix)),
	})

	return stack
}

func main() {
	defer jsii.Close()

	app := awscdk.NewApp(nil)
	awscdk.Tags_Of(app).Add(jsii.String("ManagedBy"), jsii.String("cdk"), nil)

	NewEventsStack(app, "EventsStack", &EventsStackProps{EnvironmentSuffix: "dev"})

	app.Synth(nil)
}
