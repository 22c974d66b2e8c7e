"""API stages nobody declared: the $default stage of a quick-created HTTP API (Terraform,
Pulumi) and the APIs SAM creates for function events (CloudFormation)."""

from __future__ import annotations

import iacfix.codemods as codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText


def findings(text, language, path, slugs, fix=False):
    settings = Settings(codemods=[codemods.lookup(s) for s in slugs], fix=fix)
    res = process_source(SourceText.from_string(text), language, path, settings)
    assert res.error is None, res.error
    return res


TERRAFORM_QUICK = '''resource "aws_apigatewayv2_api" "hello" {
  name          = "hello"
  protocol_type = "HTTP"
  target        = aws_lambda_function.hello.arn
}
'''

PULUMI_QUICK = '''import pulumi_aws as aws

api = aws.apigatewayv2.Api("hello", protocol_type="HTTP", route_key="GET /", target=fn.arn)
'''

PULUMI_SPLAT = '''import pulumi_aws as aws

api = aws.apigatewayv2.Api("hello", **args)
'''

PULUMI_DECLARED = '''import pulumi_aws as aws

api = aws.apigatewayv2.Api("hello", protocol_type="HTTP")
'''


def test_quick_create_is_reported_with_one_wording_in_terraform_and_pulumi():
    for slug, lacks in (("api-throttling", "throttling limits"), ("api-access-logging", "access logging")):
        tf = findings(TERRAFORM_QUICK, "terraform", "main.tf", [slug]).findings
        pu = findings(PULUMI_QUICK, "pulumi", "__main__.py", [slug]).findings
        assert len(tf) == len(pu) == 1
        assert not tf[0].fixable and not pu[0].fixable
        for f, instead in ((tf[0], "aws_apigatewayv2_stage, aws_apigatewayv2_route, aws_apigatewayv2_integration"),
                           (pu[0], "aws.apigatewayv2.Stage, aws.apigatewayv2.Route, aws.apigatewayv2.Integration")):
            assert f.gap.message == (
                f"HTTP API 'hello' is quick-created (target/route_key): its implicit $default stage has no "
                f"{lacks} and cannot be given any; declare the stage ({instead}) instead of target/route_key")


def test_pulumi_api_without_quick_create_or_unreadable_is_not_reported():
    for text in (PULUMI_SPLAT, PULUMI_DECLARED):
        for slug in ("api-throttling", "api-access-logging"):
            assert findings(text, "pulumi", "__main__.py", [slug]).findings == []
