package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewFinanceArchiveStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	envSuffix, ok := stack.Node().TryGetContext(jsii.String("environmentSuffix")).(string)
	if !ok {
		envSuffix = "dev"
	}

	awscdk.Tags_Of(stack).Add(jsii.String("CostCenter"), jsii.String("finance-1234"), nil)
	awscdk.Tags_Of(stack).Add(jsii.String("ManagedBy"), jsii.String("terraform-migration"), nil)
	awscdk.Tags_Of(stack).Add(jsii.String("Environment"), jsii.String(envSuffix), nil)

	awss3.NewBucket(stack, jsii.String("ArchiveBucket"), &awss3.BucketProps{
		BucketName: jsii.String(fmt.Sprintf("finance-archive-%s", envSuffix)),
		Versioned:  jsii.Bool(true),
	})

	return stack
}
