// Fulfillment platform: an API that takes orders, workers on ECS that pack them, the
// Aurora database and Redis cache they share, the returns desk's database, the stream
// that reports shipments, the file system where packing slips are rendered, and the
// order-tracking page that calls the API.
package fulfillment

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfrontorigins"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type FulfillmentStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
}

func NewFulfillmentStack(scope constructs.Construct, id string, props *FulfillmentStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	suffix := props.EnvironmentSuffix

	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), &awssns.TopicProps{
		TopicName: jsii.String(fmt.Sprintf("alarms-%s", suffix)),
	})

	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{
		MaxAzs: jsii.Number(2),
	})

	// Customer-managed key for everything that stores order data
	dataKey := awskms.NewKey(stack, jsii.String("DataKey"), &awskms.KeyProps{
		Description:       jsii.String(fmt.Sprintf("Fulfillment data key (%s)", suffix)),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		EnableKeyRotation: jsii.Bool(true),
		Alias:             jsii.String(fmt.Sprintf("alias/data-key-%s", suffix)),
	})

	// Credentials of the integration with the carrier's API
	awssecretsmanager.NewSecret(stack, jsii.String("CarrierApiKey"), &awssecretsmanager.SecretProps{
		SecretName:    jsii.String(fmt.Sprintf("fulfillment/%s/carrier-api-key", suffix)),
		EncryptionKey: dataKey,
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			PasswordLength:    jsii.Number(32),
			ExcludeCharacters: jsii.String(" \"'@/\\"),
		},
	})

	dbParameterGroup := awsrds.NewParameterGroup(stack, jsii.String("OrdersDbParameterGroup"), &awsrds.ParameterGroupProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
	})

	db := awsrds.NewDatabaseCluster(stack, jsii.String("OrdersDb"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
		Writer:               awsrds.ClusterInstance_ServerlessV2(jsii.String("Writer"), nil),
		Vpc:                  vpc,
		DefaultDatabaseName:  jsii.String("orders"),
		StorageEncrypted:     jsii.Bool(true),
		StorageEncryptionKey: dataKey,
		RemovalPolicy:        awscdk.RemovalPolicy_RETAIN,
		ParameterGroup:       dbParameterGroup,
		Backup: &awsrds.BackupProps{
			Retention: awscdk.Duration_Days(jsii.Number(7)),
		},
		DeletionProtection:         jsii.Bool(true),
		CloudwatchLogsExports:      jsii.Strings("postgresql"),
		PreferredMaintenanceWindow: jsii.String("sun:04:00-sun:04:30"),
	})

	db.MetricCPUUtilization(nil).CreateAlarm(stack, jsii.String("OrdersDbCpu"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:   jsii.String("DB cluster OrdersDb used more than 80 percent of its CPU on average for 5 minutes"),
		Threshold:          jsii.Number(80),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))
	awscdk.NewCfnOutput(stack, jsii.String("OrdersDbEndpoint"), &awscdk.CfnOutputProps{
		Value: db.ClusterEndpoint().Hostname(),
	})

	returnsDbParameterGroup := awsrds.NewParameterGroup(stack, jsii.String("ReturnsDbParameterGroup"), &awsrds.ParameterGroupProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_9(),
		}),
	})

	// The returns desk's own database: refunds and restocking
	returnsDb := awsrds.NewDatabaseInstance(stack, jsii.String("ReturnsDb"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_9(),
		}),
		InstanceType:               awsec2.InstanceType_Of(awsec2.InstanceClass_T4G, awsec2.InstanceSize_SMALL),
		Vpc:                        vpc,
		AllocatedStorage:           jsii.Number(20),
		StorageType:                awsrds.StorageType_GP3,
		DatabaseName:               jsii.String("returns"),
		StorageEncrypted:           jsii.Bool(true),
		StorageEncryptionKey:       dataKey,
		RemovalPolicy:              awscdk.RemovalPolicy_RETAIN,
		ParameterGroup:             returnsDbParameterGroup,
		BackupRetention:            awscdk.Duration_Days(jsii.Number(7)),
		DeletionProtection:         jsii.Bool(true),
		CloudwatchLogsExports:      jsii.Strings("postgresql", "upgrade"),
		PreferredBackupWindow:      jsii.String("03:00-03:30"),
		PreferredMaintenanceWindow: jsii.String("sun:04:00-sun:04:30"),
	})

	returnsDb.MetricCPUUtilization(nil).CreateAlarm(stack, jsii.String("ReturnsDbCpu"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:   jsii.String("DB instance ReturnsDb used more than 80 percent of its CPU on average for 5 minutes"),
		Threshold:          jsii.Number(80),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))
	awscdk.NewCfnOutput(stack, jsii.String("ReturnsDbEndpoint"), &awscdk.CfnOutputProps{
		Value: returnsDb.DbInstanceEndpointAddress(),
	})

	cacheSubnets := awselasticache.NewCfnSubnetGroup(stack, jsii.String("CacheSubnets"), &awselasticache.CfnSubnetGroupProps{
		Description: jsii.String("Private subnets of the order cache"),
		SubnetIds:   vpc.SelectSubnets(&awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS}).SubnetIds,
	})

	orderCacheParameterGroup := awselasticache.NewCfnParameterGroup(stack, jsii.String("OrderCacheParameterGroup"), &awselasticache.CfnParameterGroupProps{
		CacheParameterGroupFamily: jsii.String("redis7"),
		Description:               jsii.String("redis7 parameters of OrderCache"),
	})

	orderCache := awselasticache.NewCfnReplicationGroup(stack, jsii.String("OrderCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Order lookups"),
		Engine:                      jsii.String("redis"),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
		CacheSubnetGroupName:        cacheSubnets.Ref(),
		CacheParameterGroupName:     orderCacheParameterGroup.Ref(),
		AtRestEncryptionEnabled:     jsii.Bool(true),
		TransitEncryptionEnabled:    jsii.Bool(true),
		AutomaticFailoverEnabled:    jsii.Bool(true),
		MultiAzEnabled:              jsii.Bool(true),
		SnapshotRetentionLimit:      jsii.Number(7),
	})
	awscdk.NewCfnOutput(stack, jsii.String("OrderCacheEndpoint"), &awscdk.CfnOutputProps{
		Value: orderCache.AttrPrimaryEndPointAddress(),
	})

	shipments := awskinesis.NewStream(stack, jsii.String("Shipments"), &awskinesis.StreamProps{
		StreamName:      jsii.String(fmt.Sprintf("fulfillment-shipments-%s", suffix)),
		ShardCount:      jsii.Number(1),
		Encryption:      awskinesis.StreamEncryption_MANAGED,
		RetentionPeriod: awscdk.Duration_Hours(jsii.Number(24)),
	})

	shipments.MetricGetRecordsIteratorAgeMilliseconds(nil).CreateAlarm(stack, jsii.String("ShipmentsIteratorAge"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("fulfillment-shipments-iterator-age-%s", suffix)),
		AlarmDescription:  jsii.String("Kinesis stream Shipments has unread records 12 hours old, 50 percent of its 24-hour retention, after which they expire"),
		Threshold:         jsii.Number(43200000),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	slips := awsefs.NewFileSystem(stack, jsii.String("PackingSlips"), &awsefs.FileSystemProps{
		Vpc:             vpc,
		PerformanceMode: awsefs.PerformanceMode_GENERAL_PURPOSE,
	})

	cluster := awsecs.NewCluster(stack, jsii.String("Workers"), &awsecs.ClusterProps{
		Vpc:                 vpc,
		ClusterName:         jsii.String(fmt.Sprintf("fulfillment-%s", suffix)),
		ContainerInsightsV2: awsecs.ContainerInsights_ENABLED,
	})

	task := awsecs.NewFargateTaskDefinition(stack, jsii.String("PackerTask"), &awsecs.FargateTaskDefinitionProps{
		Cpu:            jsii.Number(512),
		MemoryLimitMiB: jsii.Number(1024),
	})
	task.AddContainer(jsii.String("packer"), &awsecs.ContainerDefinitionOptions{
		Image: awsecs.ContainerImage_FromRegistry(jsii.String("public.ecr.aws/example/packer:1.4"), nil),
		Environment: &map[string]*string{
			"DB_HOST":         db.ClusterEndpoint().Hostname(),
			"RETURNS_DB_HOST": returnsDb.DbInstanceEndpointAddress(),
			"CACHE_HOST":      orderCache.AttrPrimaryEndPointAddress(),
			"SHIPMENTS":       shipments.StreamName(),
		},
	})
	slips.Grant(task.TaskRole(), jsii.String("elasticfilesystem:ClientWrite"))

	awsecs.NewFargateService(stack, jsii.String("Packer"), &awsecs.FargateServiceProps{
		Cluster:        cluster,
		TaskDefinition: task,
		DesiredCount:   jsii.Number(2),
	})

	intakeLogGroup := awslogs.NewLogGroup(stack, jsii.String("IntakeFunctionLogGroup"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	// Takes orders behind the API
	intake := awslambda.NewFunction(stack, jsii.String("IntakeFunction"), &awslambda.FunctionProps{
		FunctionName: jsii.String(fmt.Sprintf("fulfillment-intake-%s", suffix)),
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/intake"), nil),
		Vpc:          vpc,
		Environment: &map[string]*string{
			"SHIPMENTS": shipments.StreamName(),
		},
		Timeout:                      awscdk.Duration_Seconds(jsii.Number(3)),
		MemorySize:                   jsii.Number(128),
		ReservedConcurrentExecutions: jsii.Number(10),
		LogGroup:                     intakeLogGroup,
		Tracing:                      awslambda.Tracing_ACTIVE,
	})

	intake.MetricErrors(nil).CreateAlarm(stack, jsii.String("IntakeFunctionErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("fulfillment-intake-errors-%s", suffix)),
		AlarmDescription:  jsii.String("Lambda function IntakeFunction failed 5 or more times in 5 minutes"),
		Threshold:         jsii.Number(5),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	intake.MetricThrottles(nil).CreateAlarm(stack, jsii.String("IntakeFunctionThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmName:         jsii.String(fmt.Sprintf("fulfillment-intake-throttles-%s", suffix)),
		AlarmDescription:  jsii.String("Lambda function IntakeFunction was throttled 1 or more times in 5 minutes"),
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))
	shipments.GrantRead(intake)

	// The order-tracking page customers open from the shipping e-mail: a static site
	// behind CloudFront that calls the API
	trackingBucket := awss3.NewBucket(stack, jsii.String("TrackingSiteBucket"), &awss3.BucketProps{
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	awscloudfront.NewDistribution(stack, jsii.String("TrackingSite"), &awscloudfront.DistributionProps{
		DefaultBehavior: &awscloudfront.BehaviorOptions{
			Origin: awscloudfrontorigins.S3BucketOrigin_WithOriginAccessControl(trackingBucket, nil),
		},
		DefaultRootObject: jsii.String("index.html"),
	})

	ordersApiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("OrdersApiAccessLogs"), &awslogs.LogGroupProps{
		Retention: awslogs.RetentionDays_ONE_MONTH,
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{
		Handler:     intake,
		RestApiName: jsii.String(fmt.Sprintf("fulfillment-api-%s", suffix)),
		DeployOptions: &awsapigateway.StageOptions{
			StageName:            jsii.String(suffix),
			MetricsEnabled:       jsii.Bool(true),
			AccessLogDestination: awsapigateway.NewLogGroupLogDestination(ordersApiAccessLogs),
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
		DefaultCorsPreflightOptions: &awsapigateway.CorsOptions{
			AllowOrigins: jsii.Strings("https://app.example.com"),
			AllowHeaders: jsii.Strings("Authorization", "Content-Type"),
		},
	})

	awscdk.Tags_Of(stack).Add(jsii.String("Environment"), jsii.String(suffix), nil)
	awscdk.Tags_Of(stack).Add(jsii.String("ManagedBy"), jsii.String("cdk"), nil)

	return stack
}
