package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewGameCacheStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awselasticache.NewCfnReplicationGroup(stack, jsii.String("LeaderboardCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Game leaderboards"),
		Engine:                      jsii.String("redis"),
		CacheNodeType:               jsii.String("cache.r7g.large"),
		NumNodeGroups:               jsii.Number(2),
		ReplicasPerNodeGroup:        jsii.Number(1),
		AtRestEncryptionEnabled:     jsii.Bool(true),
		TransitEncryptionEnabled:    jsii.Bool(true),
		MultiAzEnabled:              jsii.Bool(true),
		AutomaticFailoverEnabled:    jsii.Bool(true),
		SnapshotRetentionLimit:      jsii.Number(7),
	})

	// encryption was never set: enabling it now replaces the group
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("ProfileCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Player profiles"),
		Engine:                      jsii.String("redis"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		AtRestEncryptionEnabled:     jsii.Bool(true),
		TransitEncryptionEnabled:    jsii.Bool(true),
		SnapshotRetentionLimit:      jsii.Number(3),
	})

	return stack
}
