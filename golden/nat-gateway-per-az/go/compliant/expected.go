package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNetworkStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// CDK's default: one NAT gateway per availability zone
	awsec2.NewVpc(stack, jsii.String("OrdersVpc"), &awsec2.VpcProps{
		MaxAzs: jsii.Number(3),
	})

	// No NAT gateway at all: isolated subnets reach AWS through endpoints
	awsec2.NewVpc(stack, jsii.String("LedgerVpc"), &awsec2.VpcProps{
		MaxAzs:      jsii.Number(2),
		NatGateways: jsii.Number(0),
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String("data"), SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED, CidrMask: jsii.Number(24)},
		},
	})

	// One zone, one gateway
	awsec2.NewVpc(stack, jsii.String("SandboxVpc"), &awsec2.VpcProps{
		MaxAzs:      jsii.Number(1),
		NatGateways: jsii.Number(1),
	})

	// As many gateways as zones
	awsec2.NewVpc(stack, jsii.String("BatchVpc"), &awsec2.VpcProps{
		AvailabilityZones: jsii.Strings("eu-west-1a", "eu-west-1b"),
		NatGateways:       jsii.Number(2),
	})

	// A gateway per zone for two of three zones: without the stack's env the VPC has two
	awsec2.NewVpc(stack, jsii.String("ReportsVpc"), &awsec2.VpcProps{
		MaxAzs:      jsii.Number(3),
		NatGateways: jsii.Number(2),
	})

	// One regional NAT gateway covers every zone
	awsec2.NewVpc(stack, jsii.String("EdgeVpc"), &awsec2.VpcProps{
		MaxAzs:             jsii.Number(3),
		NatGateways:        jsii.Number(1),
		NatGatewayProvider: awsec2.NatProvider_RegionalGateway(nil),
	})

	return stack
}
