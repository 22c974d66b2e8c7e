package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLedgerStack(scope constructs.Construct, id string, suffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	key := awskms.NewKey(stack, jsii.String("LedgerKey"), &awskms.KeyProps{
		Description:       jsii.String("Ledger data key"),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		EnableKeyRotation: jsii.Bool(true),
	})

	awsdynamodb.NewTable(stack, jsii.String("Ledger"), &awsdynamodb.TableProps{
		TableName:     jsii.String(fmt.Sprintf("ledger-%s", suffix)),
		PartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		Encryption:    awsdynamodb.TableEncryption_CUSTOMER_MANAGED,
		EncryptionKey: key,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})

	awss3.NewBucket(stack, jsii.String("Exports"), &awss3.BucketProps{
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})

	awslogs.NewLogGroup(stack, jsii.String("AuditLogs"), &awslogs.LogGroupProps{
		LogGroupName: jsii.String(fmt.Sprintf("/ledger/%s/audit", suffix)),
		Retention:    awslogs.RetentionDays_ONE_YEAR,
	})

	return stack
}
