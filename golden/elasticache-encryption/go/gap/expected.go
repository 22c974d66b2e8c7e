package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Sessions"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("sessions"),
		Engine:                      jsii.String("redis"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
		AtRestEncryptionEnabled:     jsii.Bool(true),
		TransitEncryptionEnabled:    jsii.Bool(true),
		AutomaticFailoverEnabled:    jsii.Bool(true),
		MultiAzEnabled:              jsii.Bool(true),
		SnapshotRetentionLimit:      jsii.Number(7),
	})

	return stack
}
