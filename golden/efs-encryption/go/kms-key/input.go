package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewRecordsStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsefs.NewCfnFileSystem(stack, jsii.String("RecordsFileSystem"), &awsefs.CfnFileSystemProps{
		ThroughputMode: jsii.String("elastic"),
	})
	awsefs.NewCfnFileSystem(stack, jsii.String("ArchiveFileSystem"), &awsefs.CfnFileSystemProps{Encrypted: jsii.Bool(true)})

	return stack
}
