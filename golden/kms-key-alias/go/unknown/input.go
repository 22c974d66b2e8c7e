package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewTenantKeysStack(scope constructs.Construct, id string, keyProps *awskms.KeyProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// Alias, rotation and policy are supplied by the tenant configuration.
	awskms.NewKey(stack, jsii.String("TenantKey"), keyProps)

	return stack
}
