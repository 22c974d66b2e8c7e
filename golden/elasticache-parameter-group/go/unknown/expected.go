package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type CacheStackProps struct {
	awscdk.StackProps
	ParameterGroupName string
}

func NewCacheStack(scope constructs.Construct, id string, props *CacheStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Sessions"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("User sessions"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		CacheParameterGroupName:     jsii.String(props.ParameterGroupName),
	})

	return stack
}
