package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecr"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewImagesStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)
	awsecr.NewRepository(stack, jsii.String("ServiceImages"), &awsecr.RepositoryProps{
		RepositoryName:  jsii.String("payments/service"),
		ImageScanOnPush: jsii.Bool(true),
	})

	awscdk.Tags_Of(stack).Add(jsii.String("ManagedBy"), jsii.String("cdk"), nil)

	return stack
}
