package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NewCacheStack makes a replication group: its member nodes' ids (sessions-001, sessions-002)
// are derived by AWS and not written here, so no memory alarm is added for it.
func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Sessions"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupId:          jsii.String("sessions"),
		ReplicationGroupDescription: jsii.String("User sessions"),
		Engine:                      jsii.String("redis"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
		AutomaticFailoverEnabled:    jsii.Bool(true),
		MultiAzEnabled:              jsii.Bool(true),
	})

	return stack
}
