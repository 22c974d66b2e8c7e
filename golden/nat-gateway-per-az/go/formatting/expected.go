package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	ec2 "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewNetworkStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	ec2.NewVpc(stack, jsii.String("OrdersVpc"), &ec2.VpcProps{MaxAzs: jsii.Number(2)})

	ec2.NewVpc(stack, jsii.String("ReportsVpc"), &ec2.VpcProps{
		MaxAzs: jsii.Number(2),
	})

	return stack
}
