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
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
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

	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{
		MaxAzs:      jsii.Number(2),
		NatGateways: jsii.Number(1),
	})

	// Customer-managed key for everything that stores order data
	dataKey := awskms.NewKey(stack, jsii.String("DataKey"), &awskms.KeyProps{
		Description: jsii.String(fmt.Sprintf("Fulfillment data key (%s)", suffix)),
	})

	// Credentials of the integration with the carrier's API
	awssecretsmanager.NewSecret(stack, jsii.String("CarrierApiKey"), &awssecretsmanager.SecretProps{
		SecretName:    jsii.String(fmt.Sprintf("fulfillment/%s/carrier-api-key", suffix)),
		EncryptionKey: dataKey,
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
	})

	// The returns desk's own database: refunds and restocking
	returnsDb := awsrds.NewDatabaseInstance(stack, jsii.String("ReturnsDb"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_9(),
		}),
		InstanceType:         awsec2.InstanceType_Of(awsec2.InstanceClass_T4G, awsec2.InstanceSize_SMALL),
		Vpc:                  vpc,
		AllocatedStorage:     jsii.Number(20),
		StorageType:          awsrds.StorageType_GP2,
		DatabaseName:         jsii.String("returns"),
		StorageEncrypted:     jsii.Bool(true),
		StorageEncryptionKey: dataKey,
	})

	cacheSubnets := awselasticache.NewCfnSubnetGroup(stack, jsii.String("CacheSubnets"), &awselasticache.CfnSubnetGroupProps{
		Description: jsii.String("Private subnets of the order cache"),
		SubnetIds:   vpc.SelectSubnets(&awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS}).SubnetIds,
	})

	orderCache := awselasticache.NewCfnReplicationGroup(stack, jsii.String("OrderCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Order lookups"),
		Engine:                      jsii.String("redis"),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
		CacheSubnetGroupName:        cacheSubnets.Ref(),
	})

	shipments := awskinesis.NewStream(stack, jsii.String("Shipments"), &awskinesis.StreamProps{
		StreamName: jsii.String(fmt.Sprintf("fulfillment-shipments-%s", suffix)),
		ShardCount: jsii.Number(1),
	})

	slips := awsefs.NewFileSystem(stack, jsii.String("PackingSlips"), &awsefs.FileSystemProps{
		Vpc:             vpc,
		PerformanceMode: awsefs.PerformanceMode_GENERAL_PURPOSE,
	})

	cluster := awsecs.NewCluster(stack, jsii.String("Workers"), &awsecs.ClusterProps{
		Vpc:         vpc,
		ClusterName: jsii.String(fmt.Sprintf("fulfillment-%s", suffix)),
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
	})
	shipments.GrantRead(intake)

	// The order-tracking page customers open from the shipping e-mail: a static site
	// behind CloudFront that calls the API
	trackingBucket := awss3.NewBucket(stack, jsii.String("TrackingSiteBucket"), nil)
	awscloudfront.NewDistribution(stack, jsii.String("TrackingSite"), &awscloudfront.DistributionProps{
		DefaultBehavior: &awscloudfront.BehaviorOptions{
			Origin: awscloudfrontorigins.S3BucketOrigin_WithOriginAccessControl(trackingBucket, nil),
		},
		DefaultRootObject: jsii.String("index.html"),
	})

	awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{
		Handler:     intake,
		RestApiName: jsii.String(fmt.Sprintf("fulfillment-api-%s", suffix)),
		DeployOptions: &awsapigateway.StageOptions{
			StageName:      jsii.String(suffix),
			MetricsEnabled: jsii.Bool(true),
		},
	})

	return stack
}
