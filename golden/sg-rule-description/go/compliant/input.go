package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNetworkStack(scope constructs.Construct, id string, vpc awsec2.IVpc, why *string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	albSg := awsec2.NewSecurityGroup(stack, jsii.String("AlbSecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})
	albSg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_HTTPS(), jsii.String("Public HTTPS"), nil)
	albSg.AddEgressRule(awsec2.Peer_Ipv4(jsii.String("10.0.0.0/16")), awsec2.Port_AllTcp(), why, nil)

	return stack
}
