package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDatabaseStack(scope constructs.Construct, id string, props *awscdk.StackProps, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// The default group is fine for this scratch database.
	awsrds.NewDatabaseInstance(stack, jsii.String("Scratch"), &awsrds.DatabaseInstanceProps{ // iacfix: ignore[rds-parameter-group]
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_4(),
		}),
		Vpc: vpc,
	})

	return stack
}
