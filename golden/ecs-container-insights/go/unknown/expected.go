package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type ServicesStackProps struct {
	awscdk.StackProps
	Vpc      awsec2.IVpc
	Insights awsecs.ContainerInsights
	Settings *[]interface{}
}

func NewServicesStack(scope constructs.Construct, id string, props *ServicesStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awsecs.NewCluster(stack, jsii.String("FrontCluster"), &awsecs.ClusterProps{
		Vpc:                 props.Vpc,
		ContainerInsightsV2: props.Insights,
	})
	awsecs.NewCfnCluster(stack, jsii.String("BackCluster"), &awsecs.CfnClusterProps{
		ClusterSettings: props.Settings,
	})
	insights, _ := stack.Node().TryGetContext(jsii.String("insights")).(string)
	awsecs.NewCfnCluster(stack, jsii.String("JobsCluster"), &awsecs.CfnClusterProps{
		ClusterSettings: &[]interface{}{
			&awsecs.CfnCluster_ClusterSettingsProperty{Name: jsii.String("containerInsights"), Value: jsii.String(insights)},
		},
	})

	return stack
}
