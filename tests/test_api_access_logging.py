"""api-access-logging: a REST API stage's finding says that its logs need the account's API
Gateway CloudWatch role, which only CDK makes, unless the stack sets the role itself; its fix
is then unsafe (the stage fails to deploy in an account without the role)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from iacfix.cli import main
from iacfix.codemods.api_access_logging import account_role_note

CFN_REST = '''Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      DeploymentId: d
'''
CFN_ACCOUNT = '''  Account:
    Type: AWS::ApiGateway::Account
    Properties:
      CloudWatchRoleArn: arn:aws:iam::123456789012:role/apigw-logs
'''
CFN_HTTP = '''Resources:
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: a
      StageName: $default
'''
TF_REST = '''resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a"
  deployment_id = "d"
  stage_name    = "prod"
}
'''
TF_ACCOUNT = '''resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = "arn:aws:iam::123456789012:role/apigw-logs"
}
'''
PULUMI_REST = '''import pulumi_aws as aws

aws.apigateway.Stage("prod", rest_api="a", deployment="d", stage_name="prod")
'''
PULUMI_ACCOUNT = '''aws.apigateway.Account("account", cloudwatch_role_arn="arn:aws:iam::123456789012:role/apigw-logs")
'''


def _check(tmp_path, monkeypatch, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / ".iacfix.toml").write_text('select = ["api-access-logging"]\n')
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["check", "-j", "1", "."]).output


@pytest.mark.parametrize("language, files, said", [
    ("cloudformation", {"t.yaml": CFN_REST}, True),
    ("cloudformation", {"t.yaml": CFN_REST + CFN_ACCOUNT}, False),
    ("cloudformation", {"t.yaml": CFN_HTTP}, False),
    ("terraform", {"api.tf": TF_REST}, True),
    ("terraform", {"api.tf": TF_REST, "account.tf": TF_ACCOUNT}, False),
    ("pulumi", {"__main__.py": PULUMI_REST}, True),
    ("pulumi", {"__main__.py": PULUMI_REST + PULUMI_ACCOUNT}, False),
])
def test_a_rest_stage_finding_names_the_account_role(tmp_path, monkeypatch, language, files, said):
    out = _check(tmp_path, monkeypatch, files)
    assert "has no access logging" in out
    assert (account_role_note(language) in out) is said, out
    finding = next(line for line in out.splitlines() if "has no access logging" in line)
    assert finding.endswith(" [unsafe fix]" if said else " [*]"), finding
