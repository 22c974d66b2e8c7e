"""IAC009 log-retention: Log groups have a retention period."""

from iacfix.codemods.spec import (
    Codemod, Explicit, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

# The function rule, one behaviour in every language (codemods/log_retention/<language>.py):
# a Lambda function logs to ``/aws/lambda/<function name>``, which Lambda creates on its
# first invocation with no retention; the function gets a log group of its own with the
# retention period, unless the module declares that group already or the function names
# another (``log_group`` / ``logging_config``).
# Said of a retention period set on a log group that may already hold events (unsafe).
DELETES_OLDER = "a retention period deletes the events older than it"
FUNCTION_RULE = "has no log group with a retention period (the one Lambda creates on first use keeps its logs forever)"

CODEMOD = Codemod(
    id='IAC009',
    slug='log-retention',
    tags=("security", "logging"),
    title='Log groups have a retention period',
    rationale=(
        'CloudWatch log groups keep logs forever by default: storage cost grows without bound, and '
        'logs holding personal data outlive every retention policy. iacfix sets a retention period '
        'on every log group, and gives a Lambda function without one a log group of its own: '
        'Lambda otherwise creates /aws/lambda/<function name> on first use, with no retention. '
        'In CDK that is log_group=logs.LogGroup(...) (log_retention, which deploys a '
        'Custom::LogRetention function, only for an app pinned below aws-cdk-lib 2.110.0). '
        'Elsewhere it is the /aws/lambda/<function name> group itself, declared beside the '
        'function, which depends on it (when its name is known before it exists); that fix is '
        'unsafe: a function that has already run has that group (Lambda created it), and creating it fails (ResourceAlreadyExistsException) '
        'until you import the existing group (terraform import, a CloudFormation resource import, '
        'pulumi import). Setting a retention period on a log group the file already has is unsafe: '
        'CloudWatch then deletes the events older than the period, logs the owner may have to keep; '
        'the same holds for the log_retention of a function in a CDK app pinned below 2.110.0 (the '
        'group Lambda made keeps its events until then). A log group the fix creates starts empty, '
        'so giving a CDK function a group of its own is safe.'
    ),
    params=(
        Parameter('retention_days', 30, 'days to keep log events (a value CloudWatch accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)',
                  choices=(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    ),
    checkov=('CKV_AWS_66',),
    cdk_nag=("Serverless-CloudWatchLogGroupRetentionPeriod",),
    # cfn_nag's LogsLogGroupRetentionRule (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("W86",),
    unsafe_note=('a retention period on a log group the file has (none, or never expire) is unsafe: it deletes '
                 'the older events. A function\'s /aws/lambda/<name> group (Terraform, CloudFormation, Pulumi) '
                 'is unsafe: import it first if the function has already run'),

    rules=(
        Rule(
            ("logs.LogGroup",),
            {"retention_in_days": Explicit(Param("retention_days"), reject=(0,), label="retention period",
                                           off="keeps its logs forever")},
            what="Log group",
            # the group may exist with older events, which a retention period deletes: the owner's call
            unsafe=True,
            note=DELETES_OLDER,
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_cloudwatch_log_group" "g" {\n  name = "g"\n}\n'),
        valid('terraform', 'resource "aws_cloudwatch_log_group" "g" {\n  retention_in_days = var.days\n}\n'),
        invalid('cloudformation', 'Resources:\n  G:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: g\n'),
        valid('cloudformation', 'Resources:\n  G:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 7\n'),
        invalid('cdk', 'from aws_cdk import aws_logs as logs\n\nlogs.CfnLogGroup(self, "G")\n'),
        valid('cdk', 'from aws_cdk import aws_logs as logs\n\nlogs.LogGroup(self, "G")\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.cloudwatch.LogGroup("g")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.cloudwatch.LogGroup("g", retention_in_days=14)\n'),
        invalid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawslogs.NewCfnLogGroup(s, jsii.String("G"), nil)\n}\n'),
        valid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawslogs.NewLogGroup(s, jsii.String("G"), nil)\n}\n'),
        # a function without its own log group (FUNCTION_RULE)
        invalid('terraform', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n'),
        valid('terraform', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n\n'
                           'resource "aws_cloudwatch_log_group" "f" {\n  name              = "/aws/lambda/f"\n'
                           '  retention_in_days = 7\n}\n'),
        invalid('cloudformation', 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n'
                                  '      Handler: f.handler\n'),
        invalid('cdk', 'from aws_cdk import aws_lambda as _lambda\n\n_lambda.Function(self, "F")\n'),
        valid('cdk', 'from aws_cdk import aws_lambda as _lambda\n\n_lambda.Function(self, "F", log_group=group)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\nf = aws.lambda_.Function("f", name="f")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\nf = aws.lambda_.Function("f", name="f")\n'
                        'aws.cloudwatch.LogGroup("f-logs", name="/aws/lambda/f", retention_in_days=7)\n'),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
