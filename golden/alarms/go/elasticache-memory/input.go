package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type CacheStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewCacheStack(scope constructs.Construct, id string, props *CacheStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	sessionCache := awselasticache.NewCfnCacheCluster(stack, jsii.String("SessionCache"), &awselasticache.CfnCacheClusterProps{
		ClusterName:   jsii.String(fmt.Sprintf("sessions-%s", suffix)),
		Engine:        jsii.String("redis"),
		EngineVersion: jsii.String("7.1"),
		CacheNodeType: jsii.String("cache.t4g.small"),
		NumCacheNodes: jsii.Number(1),
	})

	pageCache := awselasticache.NewCfnCacheCluster(stack, jsii.String("PageCache"), &awselasticache.CfnCacheClusterProps{
		Engine:        jsii.String("memcached"),
		CacheNodeType: jsii.String("cache.t4g.small"),
		NumCacheNodes: jsii.Number(2),
	})
	_ = sessionCache
	_ = pageCache

	return stack
}
