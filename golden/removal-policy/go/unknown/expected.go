package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewTenantStorageStack(scope constructs.Construct, id string, production bool, bucketProps *awss3.BucketProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	policy := awscdk.RemovalPolicy_DESTROY
	if production {
		policy = awscdk.RemovalPolicy_RETAIN
	}

	// the policy is decided above: stated, whatever its value
	awsdynamodb.NewTable(stack, jsii.String("TenantTable"), &awsdynamodb.TableProps{
		PartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},
		RemovalPolicy: policy,
	})

	// everything comes from the caller
	awss3.NewBucket(stack, jsii.String("TenantBucket"), bucketProps)

	return stack
}
