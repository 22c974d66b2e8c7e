package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
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

	vpc := awsec2.NewVpc(stack, jsii.String("PlatformVpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2)})

	dataKey := awskms.NewKey(stack, jsii.String("PlatformDataKey"), &awskms.KeyProps{
		Description: jsii.String(fmt.Sprintf("Platform data (%s)", suffix)),
	})

	// Services run on Fargate
	awsecs.NewCluster(stack, jsii.String("ServicesCluster"), &awsecs.ClusterProps{
		ClusterName: jsii.String(fmt.Sprintf("platform-services-%s", suffix)),
		Vpc:         vpc,
	})

	// Shared files for the services
	awsefs.NewCfnFileSystem(stack, jsii.String("SharedFiles"), &awsefs.CfnFileSystemProps{
		PerformanceMode: jsii.String("generalPurpose"),
	})

	// Orders and billing live in Aurora
	awsrds.NewDatabaseCluster(stack, jsii.String("OrdersDatabase"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
		Writer: awsrds.ClusterInstance_Provisioned(jsii.String("Writer"), nil),
		Vpc:    vpc,
	})

	// Sessions
	awselasticache.NewCfnReplicationGroup(stack, jsii.String("SessionCache"), &awselasticache.CfnReplicationGroupProps{
		ReplicationGroupDescription: jsii.String("Sessions"),
		Engine:                      jsii.String("redis"),
		EngineVersion:               jsii.String("7.1"),
		CacheNodeType:               jsii.String("cache.t4g.small"),
		NumCacheClusters:            jsii.Number(2),
	})

	// Every order event, for the analytics team
	awskinesis.NewStream(stack, jsii.String("OrderEvents"), &awskinesis.StreamProps{
		StreamName: jsii.String(fmt.Sprintf("platform-order-events-%s", suffix)),
		ShardCount: jsii.Number(2),
	})

	// The partner API's token
	awssecretsmanager.NewSecret(stack, jsii.String("PartnerToken"), &awssecretsmanager.SecretProps{
		Description: jsii.String("Token partners call the platform API with"),
	})

	api := awsapigateway.NewRestApi(stack, jsii.String("PlatformApi"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String("platform-api"),
	})
	api.Root().AddMethod(jsii.String("GET"), awsapigateway.NewMockIntegration(nil), nil)

	_ = dataKey

	return stack
}
