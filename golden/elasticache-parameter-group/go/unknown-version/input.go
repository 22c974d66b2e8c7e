package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Latest"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("No version: AWS picks one"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
	})

	// Cluster mode: its default group is default.redis7.cluster.on.
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Sharded"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Sharded"),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumNodeGroups:               jsii.Number(3),
		ReplicasPerNodeGroup:        jsii.Number(1),
	})

	return stack
}
