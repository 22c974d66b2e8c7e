package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDatabaseStack(scope constructs.Construct, id string, props *awscdk.StackProps, vpc awsec2.IVpc,
	engine awsrds.IInstanceEngine, version awsrds.PostgresEngineVersion) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	awsrds.NewDatabaseInstance(stack, jsii.String("Given"), &awsrds.DatabaseInstanceProps{
		Engine: engine,
		Vpc:    vpc,
	})

	awsrds.NewDatabaseInstance(stack, jsii.String("Unversioned"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_POSTGRES(),
		Vpc:    vpc,
	})

	awsrds.NewDatabaseInstance(stack, jsii.String("VersionByVariable"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: version,
		}),
		Vpc: vpc,
	})

	return stack
}
