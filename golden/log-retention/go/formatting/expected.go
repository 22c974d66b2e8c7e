package stacks

import (
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	lambda "github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewApiStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	apiLogGroup := awslogs.NewLogGroup(stack, jsii.String("ApiLogGroup"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	lambda.NewFunction(stack, jsii.String("Api"), &lambda.FunctionProps{
		Runtime: lambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    lambda.Code_FromAsset(jsii.String("lambda/api"), nil),
		Environment: &map[string]*string{
			"STAGE": jsii.String(os.Getenv("STAGE")),
		},
		LogGroup: apiLogGroup,
		// ReservedConcurrentExecutions: jsii.Number(1),
	})

	return stack
}
