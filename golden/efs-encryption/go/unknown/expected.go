package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

type TenantStackProps struct {
	awscdk.StackProps
	Vpc     awsec2.IVpc
	Encrypt bool
	FsProps *awsefs.CfnFileSystemProps
}

func NewTenantStack(scope constructs.Construct, id string, props *TenantStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	awsefs.NewCfnFileSystem(stack, jsii.String("TenantData"), &awsefs.CfnFileSystemProps{
		Encrypted: jsii.Bool(props.Encrypt),
	})
	awsefs.NewCfnFileSystem(stack, jsii.String("TenantLogs"), props.FsProps)
	encryptCache, _ := stack.Node().TryGetContext(jsii.String("encryptCache")).(bool)
	awsefs.NewFileSystem(stack, jsii.String("TenantCache"), &awsefs.FileSystemProps{
		Vpc:       props.Vpc,
		Encrypted: jsii.Bool(encryptCache),
	})

	return stack
}
