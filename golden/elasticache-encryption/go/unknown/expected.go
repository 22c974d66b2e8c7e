package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type Plan struct {
	Nodes     float64
	Encrypted bool
	Snapshots float64
}

func NewTenantCacheStack(scope constructs.Construct, id string, plan Plan, planProps *awselasticache.CfnReplicationGroupProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// size and encryption come from the tenant's plan
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("TenantCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Tenant cache"),
		Engine:                      jsii.String("redis"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(plan.Nodes),
		AtRestEncryptionEnabled:     jsii.Bool(plan.Encrypted),
		TransitEncryptionEnabled:    jsii.Bool(plan.Encrypted),
		SnapshotRetentionLimit:      jsii.Number(plan.Snapshots),
	})
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("PlanCache"), planProps)

	return stack
}
