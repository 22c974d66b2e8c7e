package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLegacyNetworkStack(scope constructs.Construct, id string, vpcId *string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	appSg := awsec2.NewCfnSecurityGroup(stack, jsii.String("AppSecurityGroup"), &awsec2.CfnSecurityGroupProps{
		GroupDescription: jsii.String("Application servers"),
		VpcId:            vpcId,
		SecurityGroupIngress: &[]interface{}{
			&awsec2.CfnSecurityGroup_IngressProperty{IpProtocol: jsii.String("tcp"), FromPort: jsii.Number(443), ToPort: jsii.Number(443), CidrIp: jsii.String("10.0.0.0/16")},
			&awsec2.CfnSecurityGroup_IngressProperty{
				IpProtocol:         jsii.String("tcp"),
				FromPort:           jsii.Number(22),
				ToPort:             jsii.Number(22),
				SourcePrefixListId: jsii.String("pl-0123456789abcdef0"),
				Description:        jsii.String(""),
			},
		},
		SecurityGroupEgress: &[]interface{}{
			&awsec2.CfnSecurityGroup_EgressProperty{IpProtocol: jsii.String("-1"), CidrIp: jsii.String("0.0.0.0/0")},
		},
	})

	dbSg := awsec2.NewCfnSecurityGroup(stack, jsii.String("DbSecurityGroup"), &awsec2.CfnSecurityGroupProps{
		GroupDescription: jsii.String("Database"),
		VpcId:            vpcId,
	})

	awsec2.NewCfnSecurityGroupIngress(stack, jsii.String("DbFromApp"), &awsec2.CfnSecurityGroupIngressProps{
		GroupId:               dbSg.AttrGroupId(),
		IpProtocol:            jsii.String("tcp"),
		FromPort:              jsii.Number(5432),
		ToPort:                jsii.Number(5432),
		SourceSecurityGroupId: appSg.AttrGroupId(),
	})
	awsec2.NewCfnSecurityGroupIngress(stack, jsii.String("DbReplication"), &awsec2.CfnSecurityGroupIngressProps{
		GroupId:               dbSg.AttrGroupId(),
		IpProtocol:            jsii.String("tcp"),
		FromPort:              jsii.Number(5432),
		ToPort:                jsii.Number(5432),
		SourceSecurityGroupId: dbSg.AttrGroupId(),
	})
	awsec2.NewCfnSecurityGroupEgress(stack, jsii.String("AppToDb"), &awsec2.CfnSecurityGroupEgressProps{
		GroupId:                    appSg.AttrGroupId(),
		IpProtocol:                 jsii.String("6"),
		FromPort:                   jsii.Number(5432),
		ToPort:                     jsii.Number(5432),
		DestinationSecurityGroupId: dbSg.AttrGroupId(),
	})

	return stack
}
