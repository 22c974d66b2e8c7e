package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewJobsStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	jobs := awssqs.NewQueue(stack, jsii.String("Jobs"), nil)
	awscdk.NewCfnOutput(stack, jsii.String("JobsUrl"), &awscdk.CfnOutputProps{
		Value: jobs.QueueUrl(),
	})

	return stack
}
