package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewBatchStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsecs.NewCluster(stack, jsii.String("BatchCluster"), &awsecs.ClusterProps{
		Vpc:                 vpc,
		ContainerInsightsV2: awsecs.ContainerInsights_ENABLED,
	})
	awsecs.NewCfnCluster(stack, jsii.String("ReportsCluster"), &awsecs.CfnClusterProps{
		ClusterSettings: &[]interface{}{
			&awsecs.CfnCluster_ClusterSettingsProperty{Name: jsii.String("containerInsights"), Value: jsii.String("disabled")},
		},
	})

	return stack
}
