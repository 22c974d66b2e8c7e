package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersStack(scope constructs.Construct, id string, environmentSuffix string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	ordersKey := awskms.NewKey(stack, jsii.String("OrdersKey"), &awskms.KeyProps{
		Description:       jsii.String("Orders data"),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		EnableKeyRotation: jsii.Bool(true),
		Alias:             jsii.String(fmt.Sprintf("alias/orders-key-%s", environmentSuffix)),
	})

	awsdynamodb.NewTable(stack, jsii.String("OrdersTable"), &awsdynamodb.TableProps{
		TableName:     jsii.String(fmt.Sprintf("orders-%s", environmentSuffix)),
		PartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("order_id"), Type: awsdynamodb.AttributeType_STRING},
		BillingMode:   awsdynamodb.BillingMode_PAY_PER_REQUEST,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
		PointInTimeRecoverySpecification: &awsdynamodb.PointInTimeRecoverySpecification{
			PointInTimeRecoveryEnabled: jsii.Bool(true),
		},
	})

	awsrds.NewDatabaseInstance(stack, jsii.String("OrdersDb"), &awsrds.DatabaseInstanceProps{
		Engine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{
			Version: awsrds.PostgresEngineVersion_VER_16_4(),
		}),
		Vpc:                   vpc,
		StorageEncryptionKey:  ordersKey,
		RemovalPolicy:         awscdk.RemovalPolicy_RETAIN,
		BackupRetention:       awscdk.Duration_Days(jsii.Number(7)),
		DeletionProtection:    jsii.Bool(true),
		CloudwatchLogsExports: jsii.Strings("postgresql", "upgrade"),
	})

	return stack
}
