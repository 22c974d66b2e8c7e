package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

const AlertsTopic = "catalog-alerts"

type CatalogStackProps struct {
	awscdk.StackProps
	EnvironmentSuffix string
	TableName         string
}

func NewCatalogStack(scope constructs.Construct, id string, props *CatalogStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)

	// Names the file cannot read: a field of the props, a constant, props built elsewhere.
	awsdynamodb.NewTable(stack, jsii.String("Catalog"), &awsdynamodb.TableProps{
		TableName:    jsii.String(props.TableName),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("sku"), Type: awsdynamodb.AttributeType_STRING},
	})
	awssns.NewTopic(stack, jsii.String("Alerts"), &awssns.TopicProps{
		TopicName: jsii.String(AlertsTopic),
	})
	awsdynamodb.NewTable(stack, jsii.String("Prices"), tableProps(props.EnvironmentSuffix))
	awsiam.NewRole(stack, jsii.String("Importer"), &awsiam.RoleProps{
		RoleName:  jsii.String(fmt.Sprintf("catalog-importer-%s", props.EnvironmentSuffix)),
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
	})

	return stack
}

func tableProps(suffix string) *awsdynamodb.TableProps {
	return &awsdynamodb.TableProps{
		TableName:    jsii.String("prices-" + suffix),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("sku"), Type: awsdynamodb.AttributeType_STRING},
	}
}
