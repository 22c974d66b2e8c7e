package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ec2 "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	rds "github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDataStack(scope constructs.Construct, id string, vpc ec2.IVpc) cdk.Stack {
	stack := cdk.NewStack(scope, &id, nil)

	// one line
	rds.NewDatabaseInstance(stack, jsii.String("Inline"), &rds.DatabaseInstanceProps{Engine: rds.DatabaseInstanceEngine_POSTGRES(), Vpc: vpc, StorageEncrypted: jsii.Bool(true)})

	// a blank line and comments split the runs gofmt aligns
	rds.NewDatabaseInstance(
		stack,
		jsii.String("Spread"),
		&rds.DatabaseInstanceProps{
			Engine: rds.DatabaseInstanceEngine_Mysql(&rds.MySqlInstanceEngineProps{
				Version: rds.MysqlEngineVersion_VER_8_0(),
			}),
			Vpc: vpc, // shared

			// kept
			StorageEncrypted: jsii.Bool(true),
			MultiAz:          jsii.Bool(true),
		},
	)

	return stack
}
