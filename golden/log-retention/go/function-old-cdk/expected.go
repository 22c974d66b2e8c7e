package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewScoringStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// Scores each submission
	scoreFn := awslambda.NewFunction(stack, jsii.String("ScoreFunction"), &awslambda.FunctionProps{
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/score"), nil),
		Timeout:      awscdk.Duration_Seconds(jsii.Number(20)),
		LogRetention: awslogs.RetentionDays_ONE_MONTH,
	})
	awscdk.NewCfnOutput(stack, jsii.String("ScoreFunctionArn"), &awscdk.CfnOutputProps{Value: scoreFn.FunctionArn()})

	return stack
}
