package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLegacyDatabaseStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsrds.NewCfnDBInstance(stack, jsii.String("LegacyDb"), &awsrds.CfnDBInstanceProps{
		Engine:                    jsii.String("mysql"),
		DbInstanceClass:           jsii.String("db.t2.micro"),
		AllocatedStorage:          jsii.String("20"),
		MasterUsername:            jsii.String("admin"),
		ManageMasterUserPassword:  jsii.Bool(true),
		EnablePerformanceInsights: jsii.Bool(false),
		StorageEncrypted:          jsii.Bool(true),
	})

	return stack
}
