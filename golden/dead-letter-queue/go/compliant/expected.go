package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPaymentsStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	ordersDlq := awssqs.NewQueue(stack, jsii.String("OrdersDlq"), nil)
	awssqs.NewQueue(stack, jsii.String("Orders"), &awssqs.QueueProps{
		DeadLetterQueue: &awssqs.DeadLetterQueue{MaxReceiveCount: jsii.Number(5), Queue: ordersDlq},
	})

	// Behind the API only: its caller sees the error
	apiFn := awslambda.NewFunction(stack, jsii.String("ApiFunction"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/api"), nil),
	})
	awsapigateway.NewLambdaRestApi(stack, jsii.String("Api"), &awsapigateway.LambdaRestApiProps{
		Handler: apiFn,
	})

	return stack
}
