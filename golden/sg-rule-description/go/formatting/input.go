package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ec2 "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNetworkStack(scope constructs.Construct, id string, vpc ec2.IVpc) cdk.Stack {
	stack := cdk.NewStack(scope, &id, nil)

	sg := ec2.NewSecurityGroup(stack, jsii.String("Web"), &ec2.SecurityGroupProps{Vpc: vpc})

	// arguments on lines of their own
	sg.AddIngressRule(
		ec2.Peer_AnyIpv4(),
		ec2.Port_Tcp(jsii.Number(443)),
		nil, // no description yet
		nil,
	)

	// an L1 rule on one line
	ec2.NewCfnSecurityGroupIngress(stack, jsii.String("Ssh"), &ec2.CfnSecurityGroupIngressProps{GroupId: sg.SecurityGroupId(), IpProtocol: jsii.String("tcp"), FromPort: jsii.Number(22), ToPort: jsii.Number(22), CidrIp: jsii.String("10.0.0.0/8")})

	// a blank line and comments split the runs gofmt aligns
	ec2.NewCfnSecurityGroupEgress(
		stack,
		jsii.String("Https"),
		&ec2.CfnSecurityGroupEgressProps{
			GroupId:    sg.SecurityGroupId(), // the web tier
			IpProtocol: jsii.String("tcp"),

			// kept
			FromPort: jsii.Number(443),
			ToPort:   jsii.Number(443),
			CidrIp:   jsii.String("0.0.0.0/0"),
		},
	)

	return stack
}
