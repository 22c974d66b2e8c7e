package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQuotesStack(scope constructs.Construct, id string, suffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	quotes := awsdynamodb.NewTable(stack, jsii.String("QuotesTable"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("quoteId"), Type: awsdynamodb.AttributeType_STRING},
	})

	quoteFn := awslambda.NewFunction(stack, jsii.String("QuoteFunction"), &awslambda.FunctionProps{
		FunctionName: jsii.String(fmt.Sprintf("quote-%s", suffix)),
		Runtime:      awslambda.Runtime_PROVIDED_AL2023(),
		Handler:      jsii.String("bootstrap"),
		Code:         awslambda.Code_FromAsset(jsii.String("lambda/quote"), nil),
		Timeout:      awscdk.Duration_Seconds(jsii.Number(10)),
		Tracing:      awslambda.Tracing_ACTIVE,
		Environment: &map[string]*string{
			"TABLE_NAME": quotes.TableName(),
		},
	})
	quotes.GrantReadWriteData(quoteFn)

	return stack
}
