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
	albSg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(443)), jsii.String("Allow HTTPS (tcp/443) from anywhere"), nil)

	appSg := awsec2.NewSecurityGroup(stack, jsii.String("AppSecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})
	appSg.AddIngressRule(albSg, awsec2.Port_TcpRange(jsii.Number(8000), jsii.Number(8080)), jsii.String("Allow tcp/8000-8080 from AlbSecurityGroup"), jsii.Bool(false))
	appSg.Connections().AllowInternally(awsec2.Port_AllTraffic(), jsii.String("Allow all traffic from this security group"))

	awsec2.NewCfnSecurityGroupIngress(stack, jsii.String("DbFromApp"), &awsec2.CfnSecurityGroupIngressProps{
		GroupId:               jsii.String("sg-0123456789abcdef0"),
		IpProtocol:            jsii.String("tcp"),
		FromPort:              jsii.Number(5432),
		ToPort:                jsii.Number(5432),
		SourceSecurityGroupId: appSg.SecurityGroupId(),
		Description:           jsii.String("Allow PostgreSQL (tcp/5432) from AppSecurityGroup"),
	})

	return stack
}
