package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewScoringStack(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awslambda.NewFunction(stack, jsii.String("ScoreFunction"), &awslambda.FunctionProps{
		FunctionName: jsii.String(fmt.Sprintf("score-%s", environmentSuffix)),
		Runtime:      awslambda.Runtime_PYTHON_3_12(),
		Handler:      jsii.String("score.handler"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/score"), nil),
		Timeout:      awscdk.Duration_Seconds(jsii.Number(20)),
		MemorySize:   jsii.Number(1024),
	})

	return stack
}
