package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewReportsStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	// RETAIN makes CDK's deletion protection default true; it is written out all the same
	awsrds.NewDatabaseInstance(stack, jsii.String("ReportsDb"), &awsrds.DatabaseInstanceProps{
		Engine:                awsrds.DatabaseInstanceEngine_MYSQL(),
		Vpc:                   vpc,
		RemovalPolicy:         awscdk.RemovalPolicy_RETAIN,
		StorageEncrypted:      jsii.Bool(true),
		BackupRetention:       awscdk.Duration_Days(jsii.Number(7)),
		DeletionProtection:    jsii.Bool(true),
		CloudwatchLogsExports: jsii.Strings("error", "slowquery"),
	})

	return stack
}
