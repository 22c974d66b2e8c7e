package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	params := awselasticache.NewCfnParameterGroup(stack, jsii.String("Params"), &awselasticache.CfnParameterGroupProps{
		CacheParameterGroupFamily: jsii.String("redis7"),
		Description:               jsii.String("Session cache parameters"),
	})

	awselasticache.NewCfnReplicationGroup(stack, jsii.String("Sessions"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("User sessions"),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		CacheParameterGroupName:     params.Ref(),
	})

	return stack
}
