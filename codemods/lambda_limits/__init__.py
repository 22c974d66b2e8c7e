"""IAC008 lambda-limits: Lambda functions state their timeout and memory size."""

from iacfix.codemods.spec import (
    Codemod, Explicit, Hook, Not, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC008',
    slug='lambda-limits',
    tags=("reliability",),
    title='Lambda functions state their timeout and memory size',
    rationale=(
        "Lambda's defaults (3 seconds, 128 MB) are almost never what a function needs: real "
        'functions time out under load, or get a timeout raised to the 15-minute maximum that hides '
        'hung calls and multiplies retry cost. Memory also sets the CPU share. Stating both makes '
        "the function's budget a reviewed decision. A right value is the owner's to choose: iacfix "
        'writes the value in effect (the service defaults, 3 seconds and 128 MB: nothing changes '
        'on deploy) where a function leaves either unstated, so the review starts from the truth; '
        'configure other values in [tool.iacfix.lambda-limits].'
    ),
    params=(
        Parameter('timeout_seconds', 3, 'function timeout in seconds (default: the service default, in effect today)',
                  kind=int, minimum=1, maximum=900),
        Parameter('memory_mb', 128, 'function memory in MB (default: the service default, in effect today)',
                  kind=int, minimum=128, maximum=10240),
    ),
    checkov=(),
    # one finding states both: a skip of either rule leaves the function to its author
    cdk_nag=("Serverless-LambdaDefaultMemorySize", "Serverless-LambdaDefaultTimeout"),
    unsafe_note='',

    rules=(
        Rule(
            ("lambda.Function",),
            {
                "timeout": Explicit(Param("timeout_seconds"), label="timeout"),
                "memory_size": Explicit(Param("memory_mb"), label="memory size"),
            },
            what="Lambda function",
            # Lambda@Edge viewer triggers allow at most 5 s and 128 MB
            when=Not(Hook("runs_at_edge", default=False)),
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  timeout       = 10\n}\n'),
        valid('terraform', 'resource "aws_lambda_function" "f" {\n  timeout     = 10\n  memory_size = var.memory\n}\n'),
        invalid('cloudformation', 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n'),
        valid('cloudformation', 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 10\n      MemorySize: 256\n'),
        invalid('cdk', 'from aws_cdk import aws_lambda as _lambda\n\n_lambda.Function(self, "F", handler="h")\n'),
        valid('cdk', 'from aws_cdk import Duration, aws_lambda as _lambda\n\n_lambda.Function(self, "F", timeout=Duration.seconds(5), memory_size=256)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.lambda_.Function("f", timeout=5)\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.lambda_.Function("f", timeout=5, memory_size=256)\n'),
    ),
    detectors=language_detectors(__name__),
)
