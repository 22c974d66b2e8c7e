package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type PlatformStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

// NewPlatformStack: the shared platform the product teams deploy their services onto.
func NewPlatformStack(scope constructs.Construct, id string, props *PlatformStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), &awssns.TopicProps{
		TopicName: jsii.String(fmt.Sprintf("alarms-%s", suffix)),
	})

	vpc := awsec2.NewVpc(stack, jsii.String("PlatformVpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2)})

	dataKey := awskms.NewKey(stack, jsii.String("PlatformDataKey"), &awskms.KeyProps{
		Description:       jsii.String(fmt.Sprintf("Platform data (%s)", suffix)),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		EnableKeyRotation: jsii.Bool(true),
		Alias:             jsii.String(fmt.Sprintf("alias/platform-data-key-%s", suffix)),
	})

	// Services run on Fargate
	awsecs.NewCluster(stack, jsii.String("ServicesCluster"), &awsecs.ClusterProps{
		ClusterName:         jsii.String(fmt.Sprintf("platform-services-%s", suffix)),
		Vpc:                 vpc,
		ContainerInsightsV2: awsecs.ContainerInsights_ENABLED,
	})

	// Shared files for the services
	awsefs.NewCfnFileSystem(stack, jsii.String("SharedFiles"), &awsefs.CfnFileSystemProps{
		PerformanceMode: jsii.String("generalPurpose"),
		Encrypted:       jsii.Bool(true),
	})

	ordersDatabaseParameterGroup := awsrds.NewParameterGroup(stack, jsii.String("OrdersDatabaseParameterGroup"), &awsrds.ParameterGroupProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
	})

	// Orders and billing live in Aurora
	awsrds.NewDatabaseCluster(stack, jsii.String("OrdersDatabase"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
		Writer:         awsrds.ClusterInstance_Provisioned(jsii.String("Writer"), nil),
		Vpc:            vpc,
		RemovalPolicy:  awscdk.RemovalPolicy_RETAIN,
		ParameterGroup: ordersDatabaseParameterGroup,
		Backup: &awsrds.BackupProps{
			Retention: awscdk.Duration_Days(jsii.Number(7)),
		},
		DeletionProtection:         jsii.Bool(true),
		CloudwatchLogsExports:      jsii.Strings("postgresql"),
		PreferredMaintenanceWindow: jsii.String("sun:04:00-sun:04:30"),
	})

	sessionCacheParameterGroup := awselasticache.NewCfnParameterGroup(stack, jsii.String("SessionCacheParameterGroup"), &awselasticache.CfnParameterGroupProps{
		CacheParameterGroupFamily: jsii.String("redis7"),
		Description:               jsii.String("redis7 parameters of SessionCache"),
	})

	// Sessions
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("SessionCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Sessions"),
		Engine:                      jsii.String("redis"),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
		CacheParameterGroupName:     sessionCacheParameterGroup.Ref(),
		AtRestEncryptionEnabled:     jsii.Bool(true),
		TransitEncryptionEnabled:    jsii.Bool(true),
		AutomaticFailoverEnabled:    jsii.Bool(true),
		MultiAzEnabled:              jsii.Bool(true),
		SnapshotRetentionLimit:      jsii.Number(7),
	})

	// Every order event, for the analytics team
	awskinesis.NewStream(stack, jsii.String("OrderEvents"), &awskinesis.StreamProps{
		StreamName:      jsii.String(fmt.Sprintf("platform-order-events-%s", suffix)),
		ShardCount:      jsii.Number(2),
		Encryption:      awskinesis.StreamEncryption_MANAGED,
		RetentionPeriod: awscdk.Duration_Hours(jsii.Number(24)),
	})

	// The partner API's token
	awssecretsmanager.NewSecret(stack, jsii.String("PartnerToken"), &awssecretsmanager.SecretProps{
		Description: jsii.String("Token partners call the platform API with"),
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			PasswordLength:    jsii.Number(32),
			ExcludeCharacters: jsii.String(" \"'@/\\"),
		},
	})

	apiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("PlatformApiAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	api := awsapigateway.NewRestApi(stack, jsii.String("PlatformApi"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String(fmt.Sprintf("platform-api-%s", suffix)),
		DeployOptions: &awsapigateway.StageOptions{
			AccessLogDestination: awsapigateway.NewLogGroupLogDestination(apiAccessLogs),
			AccessLogFormat: awsapigateway.AccessLogFormat_JsonWithStandardFields(&awsapigateway.JsonWithStandardFieldProps{
				Caller:         jsii.Bool(false),
				HttpMethod:     jsii.Bool(true),
				Ip:             jsii.Bool(true),
				Protocol:       jsii.Bool(true),
				RequestTime:    jsii.Bool(true),
				ResourcePath:   jsii.Bool(true),
				ResponseLength: jsii.Bool(true),
				Status:         jsii.Bool(true),
				User:           jsii.Bool(false),
			}),
			TracingEnabled:       jsii.Bool(true),
			ThrottlingRateLimit:  jsii.Number(100),
			ThrottlingBurstLimit: jsii.Number(200),
		},
	})
	api.Root().AddMethod(jsii.String("GET"), awsapigateway.NewMockIntegration(nil), nil)

	api.Metric(jsii.String("4XXError"), &awscloudwatch.MetricOptions{Statistic: jsii.String("Average")}).CreateAlarm(stack, jsii.String("PlatformApi4xxErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("platform-api-4xx-errors-%s", suffix)),
		AlarmDescription:  jsii.String("REST API PlatformApi answered 5 percent or more of its requests with a 4XX error (throttling included) in 5 minutes"),
		Threshold:         jsii.Number(0.05),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	api.MetricServerError(nil).CreateAlarm(stack, jsii.String("PlatformApi5xxErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("platform-api-5xx-errors-%s", suffix)),
		AlarmDescription:  jsii.String("REST API PlatformApi answered 10 or more requests with a 5XX error in 5 minutes"),
		Threshold:         jsii.Number(10),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	_ = dataKey

	awscdk.Tags_Of(stack).Add(jsii.String("Environment"), jsii.String(suffix), nil)
	awscdk.Tags_Of(stack).Add(jsii.String("ManagedBy"), jsii.String("cdk"), nil)

	return stack
}
