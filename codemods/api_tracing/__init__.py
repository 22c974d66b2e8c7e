"""IAC011 api-tracing: REST API stages trace requests with X-Ray."""

from iacfix.codemods.spec import (
    Codemod, Exactly, Nested, Present, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

TRACING = Exactly(True, label="X-Ray tracing")

CODEMOD = Codemod(
    id='IAC011',
    slug='api-tracing',
    tags=("observability",),
    title='REST API stages trace requests with X-Ray',
    rationale=(
        'Without X-Ray tracing on the stage, a slow or failing request cannot be followed from API '
        'Gateway into the functions and services behind it, and latency added by the gateway itself '
        'is invisible. iacfix turns tracing on for REST API stages (HTTP APIs do not support '
        'X-Ray).'
    ),
    checkov=('CKV_AWS_73',),
    cdk_nag=("Serverless-APIGWXrayEnabled",),
    unsafe_note='tracing explicitly disabled is reported; enabling it is unsafe',

    rules=(
        Rule(("apigateway.Stage",), {"tracing_enabled": TRACING}, what="API stage"),
        # a deployment that creates its stage describes it in StageDescription
        Rule(
            ("apigateway.Deployment",),
            {"stage_description": Nested({"tracing_enabled": TRACING}, label="X-Ray tracing")},
            what="API stage",
            when=Present("stage_name"),
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_api_gateway_stage" "s" {\n  stage_name = "prod"\n}\n'),
        valid('terraform', 'resource "aws_apigatewayv2_stage" "s" {\n  name = "prod"\n}\n'),
        invalid('cloudformation', 'Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n'),
        valid('cloudformation', 'Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      TracingEnabled: true\n'),
        invalid('cdk', 'from aws_cdk import aws_apigateway as apigw\n\napigw.RestApi(self, "Api")\n'),
        valid('cdk', 'from aws_cdk import aws_apigateway as apigw\n\napigw.RestApi(self, "Api", deploy=False)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.apigateway.Stage("s", stage_name="prod")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.apigateway.Stage("s", xray_tracing_enabled=True)\n'),
    ),
    detectors=language_detectors(__name__),
)
