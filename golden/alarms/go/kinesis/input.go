package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type StreamsStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
	AuditRetention    awscdk.Duration
}

func NewStreamsStack(scope constructs.Construct, id string, props *StreamsStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), &awssns.TopicProps{
		TopicName: jsii.String(fmt.Sprintf("alarms-%s", suffix)),
	})

	clicks := awskinesis.NewStream(stack, jsii.String("Clicks"), &awskinesis.StreamProps{
		StreamName: jsii.String(fmt.Sprintf("clicks-%s", suffix)),
		ShardCount: jsii.Number(2),
	})

	orders := awskinesis.NewStream(stack, jsii.String("Orders"), &awskinesis.StreamProps{
		StreamName:      jsii.String(fmt.Sprintf("orders-%s", suffix)),
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(2)),
		StreamMode:      awskinesis.StreamMode_ON_DEMAND,
	})

	audit := awskinesis.NewStream(stack, jsii.String("Audit"), &awskinesis.StreamProps{
		ShardCount:      jsii.Number(1),
		RetentionPeriod: props.AuditRetention,
	})

	_, _, _, _ = alarmTopic, clicks, orders, audit
	return stack
}
