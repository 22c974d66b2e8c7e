package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// iacfix: ignore[elasticache-encryption]
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Scratch"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("scratch"),
	})

	return stack
}
