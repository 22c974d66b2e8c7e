package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type ScoringStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewScoringStack(scope constructs.Construct, id string, props *ScoringStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	scoreFunctionLogGroup := awslogs.NewLogGroup(stack, jsii.String("ScoreFunctionLogGroup"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	awslambda.NewFunction(stack, jsii.String("ScoreFunction"), &awslambda.FunctionProps{
		FunctionName: jsii.String(fmt.Sprintf("score-%s", props.EnvironmentSuffix)),
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/score"), nil),
		Timeout:      awscdk.Duration_Seconds(jsii.Number(20)),
		LogGroup:     scoreFunctionLogGroup,
	})

	return stack
}
