package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLedgerStack(scope constructs.Construct, id string, policy awscdk.RemovalPolicy) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awskms.NewKey(stack, jsii.String("LedgerKey"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})

	awss3.NewBucket(stack, jsii.String("Reports"), &awss3.BucketProps{
		RemovalPolicy: policy,
	})

	exports := awss3.NewBucket(stack, jsii.String("Exports"), nil)
	exports.ApplyRemovalPolicy(awscdk.RemovalPolicy_SNAPSHOT)

	return stack
}
