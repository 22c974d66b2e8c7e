package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// NewReportingDatabaseStack makes a demo database the team tears down with the stack.
func NewReportingDatabaseStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	engine := awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
		Version: awsrds.PostgresEngineVersion_VER_16(),
	})

	primary := awsrds.NewDatabaseInstance(stack, jsii.String("Primary"), &awsrds.DatabaseInstanceProps{
		Engine:             engine,
		Vpc:                vpc,
		RemovalPolicy:      awscdk.RemovalPolicy_DESTROY,
		DeletionProtection: jsii.Bool(false),
	})

	awsrds.NewDatabaseInstanceReadReplica(stack, jsii.String("Replica"), &awsrds.DatabaseInstanceReadReplicaProps{
		SourceDatabaseInstance: primary,
		InstanceType:           awsec2.NewInstanceType(jsii.String("t4g.medium")),
		Vpc:                    vpc,
	})

	awsrds.NewDatabaseCluster(stack, jsii.String("Analytics"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
			Version: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
		}),
		Writer: awsrds.ClusterInstance_ServerlessV2(jsii.String("writer"), nil),
		Vpc:    vpc,
		SubnetGroup: awsrds.NewSubnetGroup(stack, jsii.String("AnalyticsSubnets"), &awsrds.SubnetGroupProps{
			Description:   jsii.String("Analytics database subnets"),
			Vpc:           vpc,
			RemovalPolicy: awscdk.RemovalPolicy_DESTROY,
		}),
	})

	awsrds.NewDatabaseInstance(stack, jsii.String("Ledger"), &awsrds.DatabaseInstanceProps{
		Engine:        engine,
		Vpc:           vpc,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})

	return stack
}
