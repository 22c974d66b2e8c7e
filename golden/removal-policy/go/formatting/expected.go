package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	dynamodb "github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	s3 "github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewStorageStack(scope constructs.Construct, id string, props *cdk.StackProps) cdk.Stack {
	stack := cdk.NewStack(scope, &id, props)

	// one line
	s3.NewBucket(stack, jsii.String("Inline"), &s3.BucketProps{
		Versioned:     jsii.Bool(true),
		RemovalPolicy: cdk.RemovalPolicy_RETAIN,
	})

	// empty
	s3.NewBucket(stack, jsii.String("Empty"), &s3.BucketProps{
		RemovalPolicy: cdk.RemovalPolicy_RETAIN,
	})

	// a blank line and comments split the runs gofmt aligns
	dynamodb.NewTable(
		stack,
		jsii.String("Spread"),
		&dynamodb.TableProps{
			PartitionKey: &dynamodb.Attribute{Name: jsii.String("pk"), Type: dynamodb.AttributeType_STRING},
			BillingMode:  dynamodb.BillingMode_PAY_PER_REQUEST, // on demand

			// kept
			TimeToLiveAttribute: jsii.String("expires"),
			RemovalPolicy:       cdk.RemovalPolicy_RETAIN,
		},
	)

	return stack
}
