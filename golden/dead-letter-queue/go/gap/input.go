package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPaymentsStack(scope constructs.Construct, id string, suffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// Payments accepted by the API, settled asynchronously
	paymentQueue := awssqs.NewQueue(stack, jsii.String("PaymentQueue"), &awssqs.QueueProps{
		QueueName:         jsii.String(fmt.Sprintf("payment-queue-%s", suffix)),
		VisibilityTimeout: awscdk.Duration_Seconds(jsii.Number(180)),
		Encryption:        awssqs.QueueEncryption_SQS_MANAGED,
	})

	reconcileFn := awslambda.NewFunction(stack, jsii.String("ReconcileFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/reconcile"), nil),
		Environment: &map[string]*string{
			"QUEUE_URL": paymentQueue.QueueUrl(),
		},
	})
	awsevents.NewRule(stack, jsii.String("Nightly"), &awsevents.RuleProps{
		Schedule: awsevents.Schedule_Cron(&awsevents.CronOptions{Minute: jsii.String("30"), Hour: jsii.String("1")}),
		Targets:  &[]awsevents.IRuleTarget{awseventstargets.NewLambdaFunction(reconcileFn, nil)},
	})

	return stack
}
