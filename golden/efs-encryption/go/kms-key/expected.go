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
		Encrypted:      jsii.Bool(true),
		KmsKeyId:       jsii.String("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
	})
	awsefs.NewCfnFileSystem(stack, jsii.String("ArchiveFileSystem"), &awsefs.CfnFileSystemProps{Encrypted: jsii.Bool(true)})

	return stack
}
