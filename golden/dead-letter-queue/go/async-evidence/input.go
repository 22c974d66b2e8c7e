package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdadestinations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdaeventsources"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewImportsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	inbox := awss3.NewBucket(stack, jsii.String("Inbox"), nil)
	failures := awssqs.NewQueue(stack, jsii.String("ImportFailures"), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
	})

	// S3 event source given at creation
	awslambda.NewFunction(stack, jsii.String("ParseFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("parse.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/parse"), nil),
		Events: &[]awslambda.IEventSource{
			awslambdaeventsources.NewS3EventSource(inbox, &awslambdaeventsources.S3EventSourceProps{
				Events: &[]awss3.EventType{awss3.EventType_OBJECT_CREATED},
			}),
		},
	})

	// Invoked by SES receipt rules (configured outside this stack)
	mailFn := awslambda.NewFunction(stack, jsii.String("MailFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("mail.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/mail"), nil),
	})
	mailFn.AddPermission(jsii.String("AllowSes"), &awslambda.Permission{
		Principal:     awsiam.NewServicePrincipal(jsii.String("ses.amazonaws.com"), nil),
		SourceAccount: stack.Account(),
	})

	// Asynchronous, but failures already go to a destination
	archiveFn := awslambda.NewFunction(stack, jsii.String("ArchiveFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PYTHON_3_12(),
		Handler: jsii.String("archive.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/archive"), nil),
	})
	archiveFn.ConfigureAsyncInvoke(&awslambda.EventInvokeConfigOptions{
		OnFailure:     awslambdadestinations.NewSqsDestination(failures),
		RetryAttempts: jsii.Number(1),
	})

	return stack
}
