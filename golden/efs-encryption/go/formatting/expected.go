package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	ec2 "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	efs "github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewFilesStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)
	vpc := ec2.NewVpc(stack, jsii.String("Vpc"), nil)

	// one line
	efs.NewFileSystem(stack, jsii.String("Inline"), &efs.FileSystemProps{Vpc: vpc, Encrypted: jsii.Bool(true)})

	// an L1 file system with nothing set
	efs.NewCfnFileSystem(stack, jsii.String("Empty"), &efs.CfnFileSystemProps{
		Encrypted: jsii.Bool(true),
	})

	// a blank line and comments split the runs gofmt aligns
	efs.NewCfnFileSystem(
		stack,
		jsii.String("Spread"),
		&efs.CfnFileSystemProps{
			PerformanceMode: jsii.String("generalPurpose"), // the default
			ThroughputMode:  jsii.String("bursting"),

			// kept
			FileSystemTags: &[]*efs.CfnFileSystem_ElasticFileSystemTagProperty{
				{Key: jsii.String("team"), Value: jsii.String("files")},
			},
			Encrypted: jsii.Bool(true),
		},
	)

	return stack
}
