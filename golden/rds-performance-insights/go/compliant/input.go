package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewReportsStack(scope constructs.Construct, id string, vpc awsec2.IVpc, instanceType awsec2.InstanceType) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsrds.NewDatabaseInstance(stack, jsii.String("Reports"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16(),
		}),
		Vpc:                       vpc,
		InstanceType:              awsec2.InstanceType_Of(awsec2.InstanceClass_MEMORY6_GRAVITON, awsec2.InstanceSize_LARGE),
		EnablePerformanceInsights: jsii.Bool(true),
	})

	awsrds.NewDatabaseInstance(stack, jsii.String("Scratch"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16(),
		}),
		Vpc:                       vpc,
		InstanceType:              instanceType,
		EnablePerformanceInsights: jsii.Bool(true),
	})

	return stack
}
