package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNetworkStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	albSg := awsec2.NewSecurityGroup(stack, jsii.String("AlbSecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})
	// Described in the network team's inventory. iacfix: ignore[sg-rule-description]
	albSg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(443)), nil, nil)

	return stack
}
