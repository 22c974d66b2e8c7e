package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNetworkStack(scope constructs.Construct, id string, suffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsec2.NewVpc(stack, jsii.String("OrdersVpc"), &awsec2.VpcProps{
		VpcName:     jsii.String(fmt.Sprintf("orders-%s", suffix)),
		IpAddresses: awsec2.IpAddresses_Cidr(jsii.String("10.20.0.0/16")),
		MaxAzs:      jsii.Number(3),
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String("public"), SubnetType: awsec2.SubnetType_PUBLIC, CidrMask: jsii.Number(24)},
			{Name: jsii.String("app"), SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS, CidrMask: jsii.Number(22)},
		},
	})

	awsec2.NewVpc(stack, jsii.String("BatchVpc"), &awsec2.VpcProps{
		AvailabilityZones: jsii.Strings("eu-west-1a", "eu-west-1b", "eu-west-1c"),
	})

	return stack
}
