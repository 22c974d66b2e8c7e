"""IAC012 dynamodb-pitr: DynamoDB tables have point-in-time recovery."""

from iacfix.codemods.spec import (
    Codemod, Exactly, Nested, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC012',
    slug='dynamodb-pitr',
    tags=("security", "data-protection"),
    severity='high',
    title='DynamoDB tables have point-in-time recovery',
    rationale=(
        'On-demand backups only restore to the moment they were taken; a bad deploy, a buggy '
        'migration or a deleted item is lost for good if it happened since. Point-in-time recovery '
        'keeps continuous backups for 35 days and restores the table to any second in that window. '
        'iacfix enables it on every table.'
    ),
    checkov=('CKV_AWS_28',),
    cdk_nag=("AwsSolutions-DDB3",),
    # cfn_nag's DynamoDBBackupRule (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("W78",),
    unsafe_note='point-in-time recovery explicitly disabled is reported; enabling it is unsafe',

    rules=(
        Rule(
            ("dynamodb.Table",),
            {"point_in_time_recovery_specification": Nested(
                {"point_in_time_recovery_enabled": Exactly(True, label="point-in-time recovery")},
                label="point-in-time recovery",
            )},
            what="DynamoDB table",
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n}\n'),
        valid('terraform', 'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery {\n    enabled = var.pitr\n  }\n}\n'),
        invalid('cloudformation', 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n'),
        valid('cloudformation', 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n'),
        invalid('cdk', 'from aws_cdk import aws_dynamodb as dynamodb\n\ndynamodb.CfnTable(self, "T", key_schema=[])\n'),
        valid('cdk', 'from aws_cdk import aws_dynamodb as dynamodb\n\ndynamodb.Table(self, "T", point_in_time_recovery=True)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.dynamodb.Table("t", hash_key="id")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.dynamodb.Table("t", point_in_time_recovery={"enabled": True})\n'),
        invalid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawsdynamodb.NewCfnTable(s, jsii.String("T"), nil)\n}\n'),
        valid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawsdynamodb.NewTable(s, jsii.String("T"), &awsdynamodb.TableProps{PointInTimeRecovery: jsii.Bool(true)})\n}\n'),
    ),
    detectors=language_detectors(__name__),
)
