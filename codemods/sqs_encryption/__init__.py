"""IAC013 sqs-encryption: SQS queues are encrypted at rest."""

from iacfix.codemods.spec import (
    Absent, All, Codemod, Exactly, Explicit, Has, Not, ParamSet, Parameter, Rule, TheOnly, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

# With use_kms_key, a queue that states no encryption is encrypted with the module's only KMS key.
THE_KEY = TheOnly("kms.Key", "key_id")
WITH_THE_KEY = All(ParamSet("use_kms_key"), Absent("sqs_managed_sse_enabled"), Has(THE_KEY))

CODEMOD = Codemod(
    id='IAC013',
    slug='sqs-encryption',
    tags=("security", "encryption"),
    severity='high',
    title='SQS queues are encrypted at rest',
    rationale=(
        'Messages often carry personal or payment data, and an unencrypted queue fails most audits. '
        'SQS-managed server-side encryption costs nothing and needs no key policy; a customer- '
        'managed KMS key adds control over who can decrypt. iacfix enables SQS-managed encryption, '
        'or, with use_kms_key set and exactly one KMS key in the file, encrypts with that key.'
    ),
    params=(
        Parameter('use_kms_key', False, "encrypt with the file's KMS key (when it has exactly one) instead of SQS-managed keys"),
    ),
    checkov=('CKV_AWS_27',),
    cdk_nag=("AwsSolutions-SQS2",),
    checkov_gaps={"CKV_AWS_27": {"cloudformation": (
        "Checkov's CloudFormation CKV_AWS_27 reads only KmsMasterKeyId and predates "
        "SqsManagedSseEnabled (its Terraform twin accepts sqs_managed_sse_enabled): it still fails "
        "a queue encrypted with SQS-managed keys; set use_kms_key to encrypt with the template's KMS key")}},
    unsafe_note='encryption explicitly disabled is reported; enabling it is unsafe',

    rules=(
        Rule(
            ("sqs.Queue",),
            {"sqs_managed_sse_enabled": Exactly(True, label="encryption at rest")},
            what="SQS queue",
            when=All(Absent("kms_master_key_id"), Not(WITH_THE_KEY)),
        ),
        Rule(
            ("sqs.Queue",),
            {"kms_master_key_id": Explicit(THE_KEY, label="encryption at rest")},
            what="SQS queue",
            when=All(Absent("kms_master_key_id"), WITH_THE_KEY),
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n'),
        valid('terraform', 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = "alias/aws/sqs"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 0\n'),
        valid('cloudformation', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: true\n'),
        invalid('cdk', 'from aws_cdk import aws_sqs as sqs\n\nsqs.Queue(self, "Q")\n'),
        valid('cdk', 'from aws_cdk import aws_sqs as sqs\n\nsqs.Queue(self, "Q", encryption=sqs.QueueEncryption.KMS_MANAGED)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.sqs.Queue("q")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.sqs.Queue("q", sqs_managed_sse_enabled=True)\n'),
        invalid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawssqs.NewQueue(s, jsii.String("Q"), nil)\n}\n'),
        valid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawssqs.NewQueue(s, jsii.String("Q"), &awssqs.QueueProps{Encryption: awssqs.QueueEncryption_KMS_MANAGED})\n}\n'),
    ),
    detectors=language_detectors(__name__),
)
