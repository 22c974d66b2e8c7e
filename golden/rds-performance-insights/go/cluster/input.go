package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewAnalyticsStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsrds.NewDatabaseCluster(stack, jsii.String("AnalyticsCluster"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraMysql(&awsrds.AuroraMysqlClusterEngineProps{
			Version: awsrds.AuroraMysqlEngineVersion_VER_3_08_0(),
		}),
		Writer: awsrds.ClusterInstance_Provisioned(jsii.String("writer"), &awsrds.ProvisionedClusterInstanceProps{
			InstanceType:              awsec2.InstanceType_Of(awsec2.InstanceClass_R6G, awsec2.InstanceSize_LARGE),
			EnablePerformanceInsights: jsii.Bool(true),
		}),
		Readers: &[]awsrds.IClusterInstance{
			awsrds.ClusterInstance_Provisioned(jsii.String("reader"), &awsrds.ProvisionedClusterInstanceProps{
				InstanceType:                awsec2.NewInstanceType(jsii.String("t3.small")),
				EnablePerformanceInsights:   jsii.Bool(true),
				PerformanceInsightRetention: awsrds.PerformanceInsightRetention_DEFAULT,
			}),
		},
		Vpc: vpc,
	})

	return stack
}
