package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3notifications"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssnssubscriptions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDocumentsStack(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	ingestRole := awsiam.NewRole(stack, jsii.String("IngestRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		ManagedPolicies: &[]awsiam.IManagedPolicy{
			awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("service-role/AWSLambdaBasicExecutionRole")),
		},
	})

	ingestFunctionDlq := awssqs.NewQueue(stack, jsii.String("IngestFunctionDlq"), &awssqs.QueueProps{
		QueueName:       jsii.String(fmt.Sprintf("documents-ingest-dlq-%s", environmentSuffix)),
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
	})

	ingestFunction := awslambda.NewFunction(stack, jsii.String("IngestFunction"), &awslambda.FunctionProps{
		FunctionName:    jsii.String(fmt.Sprintf("documents-ingest-%s", environmentSuffix)),
		Runtime:         awslambda.Runtime_PYTHON_3_12(),
		Handler:         jsii.String("ingest.handler"),
		Code:            awslambda.Code_FromAsset(jsii.String("lambda/ingest"), nil),
		Role:            ingestRole,
		Timeout:         awscdk.Duration_Minutes(jsii.Number(1)),
		DeadLetterQueue: ingestFunctionDlq,
	})

	uploads := awss3.NewBucket(stack, jsii.String("Uploads"), nil)
	uploads.AddEventNotification(awss3.EventType_OBJECT_CREATED, awss3notifications.NewLambdaDestination(ingestFunction),
		&awss3.NotificationKeyFilter{Prefix: jsii.String("incoming/")})

	notifyFnDlq := awssqs.NewQueue(stack, jsii.String("NotifyFunctionDlq"), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
	})

	notifyFn := awslambda.NewFunction(stack, jsii.String("NotifyFunction"), &awslambda.FunctionProps{Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("notify.handler"), Code: awslambda.Code_FromAsset(jsii.String("lambda/notify"), nil), DeadLetterQueue: notifyFnDlq})
	alerts := awssns.NewTopic(stack, jsii.String("Alerts"), nil)
	alerts.AddSubscription(awssnssubscriptions.NewLambdaSubscription(notifyFn, nil))

	return stack
}
