package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewBuildStack(scope constructs.Construct, id string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsefs.NewFileSystem(stack, jsii.String("BuildCache"), &awsefs.FileSystemProps{
		Vpc:       vpc,
		Encrypted: jsii.Bool(false),
	})
	awsefs.NewCfnFileSystem(stack, jsii.String("BuildLogs"), &awsefs.CfnFileSystemProps{Encrypted: jsii.Bool(false)})

	return stack
}
