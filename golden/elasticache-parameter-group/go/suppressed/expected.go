package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// A throwaway cache for load tests.
	awselasticache.NewCfnCacheCluster(stack, jsii.String("Scratch"), &awselasticache.CfnCacheClusterProps{ // iacfix: ignore[elasticache-parameter-group]
		Engine:        jsii.String("memcached"),
		EngineVersion: jsii.String("1.6.22"),
		CacheNodeType: jsii.String("cache.t4g.micro"),
		NumCacheNodes: jsii.Number(1),
	})

	return stack
}
