package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3notifications"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewUploadsStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	thumbnailsDlq := awssqs.NewQueue(stack, jsii.String("ThumbnailsDlq"), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
	})

	thumbnails := awslambda.NewFunction(stack, jsii.String("Thumbnails"), &awslambda.FunctionProps{
		Runtime:                awslambda.Runtime_PROVIDED_AL2023(),
		Handler:                jsii.String("bootstrap"),
		Code:                   awslambda.Code_FromAsset(jsii.String("lambda/thumbnails"), nil),
		DeadLetterQueue:        thumbnailsDlq,
		DeadLetterQueueEnabled: jsii.Bool(true),
	})
	uploads := awss3.NewBucket(stack, jsii.String("Uploads"), nil)
	uploads.AddEventNotification(awss3.EventType_OBJECT_CREATED, awss3notifications.NewLambdaDestination(thumbnails))

	return stack
}
