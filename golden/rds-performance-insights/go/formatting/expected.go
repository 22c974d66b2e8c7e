package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ec2 "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	rds "github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewScratchStack(scope constructs.Construct, id string, vpc ec2.IVpc) cdk.Stack {
	stack := cdk.NewStack(scope, &id, nil)

	// throwaway database for the nightly import
	rds.NewDatabaseInstance(stack, jsii.String("Scratch"), &rds.DatabaseInstanceProps{
		Engine: rds.DatabaseInstanceEngine_MYSQL(),
		InstanceType: ec2.InstanceType_Of(ec2.InstanceClass_BURSTABLE2,
			ec2.InstanceSize_SMALL), // cheapest
		// the DBAs asked for this
		EnablePerformanceInsights: jsii.Bool(false), // see ticket OPS-112
		Vpc:                       vpc,              // private subnets
	})

	// one line
	rds.NewDatabaseInstance(stack, jsii.String("Inline"), &rds.DatabaseInstanceProps{Engine: rds.DatabaseInstanceEngine_MYSQL(), Vpc: vpc, InstanceType: ec2.InstanceType_Of(ec2.InstanceClass_T2, ec2.InstanceSize_MICRO), EnablePerformanceInsights: jsii.Bool(false)})

	return stack
}
