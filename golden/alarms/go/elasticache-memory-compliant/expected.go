package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewCacheStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	sessionCache := awselasticache.NewCfnCacheCluster(stack, jsii.String("SessionCache"), &awselasticache.CfnCacheClusterProps{
		Engine:        jsii.String("redis"),
		CacheNodeType: jsii.String("cache.t4g.small"),
		NumCacheNodes: jsii.Number(1),
	})

	memory := awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
		Namespace:  jsii.String("AWS/ElastiCache"),
		MetricName: jsii.String("DatabaseMemoryUsagePercentage"),
		DimensionsMap: &map[string]*string{
			"CacheClusterId": sessionCache.Ref(),
		},
		Period: awscdk.Duration_Minutes(jsii.Number(1)),
	})
	awscloudwatch.NewAlarm(stack, jsii.String("SessionCacheMemory"), &awscloudwatch.AlarmProps{
		Metric:            memory,
		Threshold:         jsii.Number(90),
		EvaluationPeriods: jsii.Number(5),
	})

	return stack
}
