"""IAC007 lambda-concurrency: Lambda functions reserve their concurrency."""

from iacfix.codemods.spec import (
    Codemod, Explicit, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC007',
    slug='lambda-concurrency',
    tags=("security", "availability"),
    title='Lambda functions reserve their concurrency',
    rationale=(
        "Without reserved concurrency, one function can take the whole account's concurrency pool "
        '(1,000 by default) during a spike or a retry storm, and every other function in the region '
        'is throttled with it. Reserving concurrency both guarantees the function capacity and caps '
        'it, which also bounds what it can do to a downstream database. A reservation is a number only '
        'the owner can choose (too low caps a production API; reservations that leave the account '
        'less than 100 unreserved fail to deploy): iacfix reports functions without one, and sets '
        'the reservation you configure in [tool.iacfix.lambda-concurrency] reserved-concurrency.'
    ),
    params=(
        # at least 1: a reservation of 0 stops the function from running at all
        Parameter('reserved_concurrency', None, 'concurrent executions reserved for each function (no default: '
                  'only the owner knows the account quota and the load; unset, findings are reported only)',
                  kind=int, minimum=1, maximum=2**31 - 1),
    ),
    checkov=('CKV_AWS_115',),
    # cfn_nag's LambdaFunctionReservedConcurrentExecutionsRule (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("W92",),
    fix_needs=('reserved_concurrency',),
    unsafe_note='',

    rules=(
        Rule(
            ("lambda.Function",),
            {"reserved_concurrent_executions": Explicit(Param("reserved_concurrency"), label="reserved concurrency")},
            what="Lambda function",
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n'),
        valid('terraform', 'resource "aws_lambda_function" "f" {\n  reserved_concurrent_executions = -1\n}\n'),
        invalid('cloudformation', 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n'),
        valid('cloudformation', 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      ReservedConcurrentExecutions: 5\n'),
        invalid('cdk', 'from aws_cdk import aws_lambda as _lambda\n\n_lambda.Function(self, "F", handler="h")\n'),
        valid('cdk', 'from aws_cdk import aws_lambda as _lambda\n\n_lambda.Function(self, "F", reserved_concurrent_executions=2)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.lambda_.Function("f")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.lambda_.Function("f", reserved_concurrent_executions=2)\n'),
    ),
    detectors=language_detectors(__name__),
)
