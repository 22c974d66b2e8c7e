package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	elasticache "github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	elasticache.NewCfnReplicationGroup(stack, jsii.String("Inline"), &elasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("inline"),
		Engine:                      jsii.String("redis"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(1),
		SnapshotRetentionLimit:      jsii.Number(7),
	})

	// a blank line and comments split the runs gofmt aligns
	elasticache.NewCfnReplicationGroup(
		stack,
		jsii.String("Spread"),
		&elasticache.CfnReplicationGroupProps{
			ReplicationGroupDescription: jsii.String("spread"), // what it is
			Engine:                      jsii.String("redis"),

			// kept
			CacheNodeType:            jsii.String("cache.t4g.small"),
			NumCacheClusters:         jsii.Number(2),
			AutomaticFailoverEnabled: jsii.Bool(true),
			MultiAzEnabled:           jsii.Bool(true),
			SnapshotRetentionLimit:   jsii.Number(7),
		},
	)

	return stack
}
