package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewPreviewStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// a preview environment: the database goes with the stack
	awsrds.NewDatabaseInstance(stack, jsii.String("PreviewDb"), &awsrds.DatabaseInstanceProps{
		Engine:                awsrds.DatabaseInstanceEngine_POSTGRES(),
		Vpc:                   vpc,
		RemovalPolicy:         awscdk.RemovalPolicy_DESTROY,
		StorageEncrypted:      jsii.Bool(true),
		CloudwatchLogsExports: jsii.Strings("postgresql", "upgrade"),
	})

	return stack
}
