package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewFilesStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)

	// encrypted by default in CDK v2: nothing to say
	awsefs.NewFileSystem(stack, jsii.String("Shared"), &awsefs.FileSystemProps{
		Vpc: vpc,
	})

	awsefs.NewFileSystem(stack, jsii.String("Scratch"), &awsefs.FileSystemProps{
		Vpc:       vpc,
		Encrypted: jsii.Bool(false),
	})

	awsefs.NewCfnFileSystem(stack, jsii.String("Raw"), &awsefs.CfnFileSystemProps{
		PerformanceMode: jsii.String("generalPurpose"),
	})

	return stack
}
