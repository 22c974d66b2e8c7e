package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type Rule struct {
	Peer        awsec2.IPeer
	Port        awsec2.Port
	Description string
}

func NewTenantNetworkStack(scope constructs.Construct, id string, vpc awsec2.IVpc, rules []Rule) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	sg := awsec2.NewSecurityGroup(stack, jsii.String("TenantSg"), &awsec2.SecurityGroupProps{Vpc: vpc})
	// the descriptions come with the rules
	for _, rule := range rules {
		sg.AddIngressRule(rule.Peer, rule.Port, jsii.String(rule.Description), nil)
		sg.AddEgressRule(rule.Peer, rule.Port, jsii.String(rule.Description), nil)
	}

	return stack
}
