// Functions defined with the L1 constructs, ported from a CloudFormation template.
package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLegacyBillingStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	invoiceRole := awsiam.NewRole(stack, jsii.String("InvoiceRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		ManagedPolicies: &[]awsiam.IManagedPolicy{
			awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("service-role/AWSLambdaBasicExecutionRole")),
			awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AWSXRayDaemonWriteAccess")),
		},
	})

	awslambda.NewCfnFunction(stack, jsii.String("InvoiceFunction"), &awslambda.CfnFunctionProps{
		Runtime: jsii.String("python3.12"),
		Handler: jsii.String("index.handler"),
		Role:    invoiceRole.RoleArn(),
		Code: &awslambda.CfnFunction_CodeProperty{
			ZipFile: jsii.String("def handler(event, context):\n    return {'status': 'ok'}\n"),
		},
		Timeout: jsii.Number(30),
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{
			Mode: jsii.String("Active"),
		},
	})

	reportRole := awsiam.NewRole(stack, jsii.String("ReportRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		ManagedPolicies: &[]awsiam.IManagedPolicy{
			awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AWSXRayDaemonWriteAccess")),
		},
	})

	awslambda.NewCfnFunction(stack, jsii.String("ReportFunction"), &awslambda.CfnFunctionProps{
		Runtime:       jsii.String("python3.12"),
		Handler:       jsii.String("index.handler"),
		Role:          reportRole.RoleArn(),
		Code:          &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("billing-artifacts"), S3Key: jsii.String("report.zip")},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})

	// Already allowed to write traces: a statement of its own
	auditRole := awsiam.NewRole(stack, jsii.String("AuditRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
	})
	auditRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("xray:Put*"),
		Resources: jsii.Strings("*"),
	}))

	awslambda.NewCfnFunction(stack, jsii.String("AuditFunction"), &awslambda.CfnFunctionProps{
		Runtime:       jsii.String("python3.12"),
		Handler:       jsii.String("index.handler"),
		Role:          auditRole.RoleArn(),
		Code:          &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("billing-artifacts"), S3Key: jsii.String("audit.zip")},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})

	return stack
}
