package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
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

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), &awssns.TopicProps{
		TopicName: jsii.String(fmt.Sprintf("alarms-%s", suffix)),
	})

	sessionCache := awselasticache.NewCfnCacheCluster(stack, jsii.String("SessionCache"), &awselasticache.CfnCacheClusterProps{
		ClusterName:   jsii.String(fmt.Sprintf("sessions-%s", suffix)),
		Engine:        jsii.String("redis"),
		EngineVersion: jsii.String("7.1"),
		CacheNodeType: jsii.String("cache.t4g.small"),
		NumCacheNodes: jsii.Number(1),
	})

	awscloudwatch.NewAlarm(stack, jsii.String("SessionCacheMemory"), &awscloudwatch.AlarmProps{
		AlarmName:        jsii.String(fmt.Sprintf("sessions-memory-%s", suffix)),
		AlarmDescription: jsii.String("ElastiCache Redis cluster SessionCache used more than 80 percent of its memory on average for 5 minutes"),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/ElastiCache"),
			MetricName: jsii.String("DatabaseMemoryUsagePercentage"),
			DimensionsMap: &map[string]*string{
				"CacheClusterId": sessionCache.Ref(),
			},
			Statistic: jsii.String("Average"),
			Period:    awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold:          jsii.Number(80),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	pageCache := awselasticache.NewCfnCacheCluster(stack, jsii.String("PageCache"), &awselasticache.CfnCacheClusterProps{
		Engine:        jsii.String("memcached"),
		CacheNodeType: jsii.String("cache.t4g.small"),
		NumCacheNodes: jsii.Number(2),
	})
	_ = sessionCache
	_ = pageCache

	return stack
}
