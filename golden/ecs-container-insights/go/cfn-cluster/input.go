package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewRawClustersStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsecs.NewCfnCluster(stack, jsii.String("IngestCluster"), &awsecs.CfnClusterProps{
		ClusterName:       jsii.String("ingest"),
		CapacityProviders: jsii.Strings("FARGATE", "FARGATE_SPOT"),
	})
	awsecs.NewCfnCluster(stack, jsii.String("ExportCluster"), &awsecs.CfnClusterProps{
		ClusterName:     jsii.String("export"),
		ClusterSettings: &[]interface{}{},
	})

	return stack
}
