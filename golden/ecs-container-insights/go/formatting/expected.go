package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ec2 "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	ecs "github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkersStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)
	vpc := ec2.NewVpc(stack, jsii.String("Vpc"), nil)

	// one line
	ecs.NewCluster(stack, jsii.String("Inline"), &ecs.ClusterProps{
		Vpc:                 vpc,
		ContainerInsightsV2: ecs.ContainerInsights_ENABLED,
	})

	// empty
	ecs.NewCluster(stack, jsii.String("Empty"), &ecs.ClusterProps{
		ContainerInsightsV2: ecs.ContainerInsights_ENABLED,
	})

	// a blank line and comments split the runs gofmt aligns
	ecs.NewCluster(
		stack,
		jsii.String("Spread"),
		&ecs.ClusterProps{
			Vpc:         vpc, // shared
			ClusterName: jsii.String("spread"),

			// kept
			EnableFargateCapacityProviders: jsii.Bool(true),
			ContainerInsightsV2:            ecs.ContainerInsights_ENABLED,
		},
	)

	return stack
}
