package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPreviewStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awss3.NewBucket(stack, jsii.String("Uploads"), &awss3.BucketProps{
		Versioned: jsii.Bool(true),
	})

	awss3.NewBucket(stack, jsii.String("Scratch"), &awss3.BucketProps{
		RemovalPolicy: awscdk.RemovalPolicy_DESTROY,
	})

	awssqs.NewQueue(stack, jsii.String("Jobs"), nil)

	return stack
}
