package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type NetworkStackProps struct {
	awscdk.StackProps
	NatCount float64
	Zones    float64
}

func NewNetworkStack(scope constructs.Construct, id string, props *NetworkStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awsec2.NewVpc(stack, jsii.String("OrdersVpc"), &awsec2.VpcProps{
		MaxAzs:      jsii.Number(3),
		NatGateways: jsii.Number(props.NatCount),
	})

	awsec2.NewVpc(stack, jsii.String("ReportsVpc"), &awsec2.VpcProps{
		MaxAzs:      jsii.Number(props.Zones),
		NatGateways: jsii.Number(1),
	})

	return stack
}
