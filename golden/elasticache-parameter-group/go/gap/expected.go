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

	sessionsParameterGroup := awselasticache.NewCfnParameterGroup(stack, jsii.String("SessionsParameterGroup"), &awselasticache.CfnParameterGroupProps{
		CacheParameterGroupFamily: jsii.String("redis7"),
		Description:               jsii.String("redis7 parameters of Sessions"),
	})

	sessions := awselasticache.NewCfnReplicationGroup(stack, jsii.String("Sessions"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("User sessions"),
		ReplicationGroupId:          jsii.String(fmt.Sprintf("sessions-%s", suffix)),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
		CacheParameterGroupName:     sessionsParameterGroup.Ref(),
	})

	pagesParameterGroup := awselasticache.NewCfnParameterGroup(stack, jsii.String("PagesParameterGroup"), &awselasticache.CfnParameterGroupProps{
		CacheParameterGroupFamily: jsii.String("memcached1.6"),
		Description:               jsii.String("memcached1.6 parameters of Pages"),
	})

	awselasticache.NewCfnCacheCluster(stack, jsii.String("Pages"), &awselasticache.CfnCacheClusterProps{
		Engine:                  jsii.String("memcached"),
		EngineVersion:           jsii.String("1.6.22"),
		CacheNodeType:           jsii.String("cache.t4g.small"),
		NumCacheNodes:           jsii.Number(2),
		CacheParameterGroupName: pagesParameterGroup.Ref(),
	})

	awscdk.NewCfnOutput(stack, jsii.String("SessionsEndpoint"), &awscdk.CfnOutputProps{
		Value: sessions.AttrPrimaryEndPointAddress(),
	})

	return stack
}
