package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewLedgerStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	lambdaPrincipal := awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil)

	statementRole := awsiam.NewRole(stack, jsii.String("StatementRole"), &awsiam.RoleProps{AssumedBy: lambdaPrincipal})
	statementRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
		Resources: jsii.Strings("*"),
	}))

	inlineRole := awsiam.NewRole(stack, jsii.String("InlineRole"), &awsiam.RoleProps{
		AssumedBy: lambdaPrincipal,
		InlinePolicies: &map[string]awsiam.PolicyDocument{
			"Tracing": awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{
				Statements: &[]awsiam.PolicyStatement{
					awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{Actions: jsii.Strings("xray:Put*"), Resources: jsii.Strings("*")}),
				},
			}),
		},
	})

	arnRole := awsiam.NewRole(stack, jsii.String("ArnRole"), &awsiam.RoleProps{AssumedBy: lambdaPrincipal})
	arnRole.AddManagedPolicy(awsiam.ManagedPolicy_FromManagedPolicyArn(stack, jsii.String("XRayWrite"), jsii.String("arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess")))

	policyRole := awsiam.NewRole(stack, jsii.String("PolicyRole"), &awsiam.RoleProps{AssumedBy: lambdaPrincipal})
	awsiam.NewPolicy(stack, jsii.String("TracingPolicy"), &awsiam.PolicyProps{
		Roles:      &[]awsiam.IRole{policyRole},
		Statements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{Actions: jsii.Strings("xray:*"), Resources: jsii.Strings("*")})},
	})

	awslambda.NewCfnFunction(stack, jsii.String("StatementFunction"), &awslambda.CfnFunctionProps{
		Runtime:       jsii.String("python3.12"),
		Handler:       jsii.String("index.handler"),
		Role:          statementRole.RoleArn(),
		Code:          &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("ledger-artifacts"), S3Key: jsii.String("statement.zip")},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})
	awslambda.NewCfnFunction(stack, jsii.String("InlineFunction"), &awslambda.CfnFunctionProps{
		Runtime:       jsii.String("python3.12"),
		Handler:       jsii.String("index.handler"),
		Role:          inlineRole.RoleArn(),
		Code:          &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("ledger-artifacts"), S3Key: jsii.String("inline.zip")},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})
	awslambda.NewCfnFunction(stack, jsii.String("ArnFunction"), &awslambda.CfnFunctionProps{
		Runtime:       jsii.String("python3.12"),
		Handler:       jsii.String("index.handler"),
		Role:          arnRole.RoleArn(),
		Code:          &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("ledger-artifacts"), S3Key: jsii.String("arn.zip")},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})
	awslambda.NewCfnFunction(stack, jsii.String("PolicyFunction"), &awslambda.CfnFunctionProps{
		Runtime:       jsii.String("python3.12"),
		Handler:       jsii.String("index.handler"),
		Role:          policyRole.RoleArn(),
		Code:          &awslambda.CfnFunction_CodeProperty{S3Bucket: jsii.String("ledger-artifacts"), S3Key: jsii.String("policy.zip")},
		TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")},
	})

	return stack
}
