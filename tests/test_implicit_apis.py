"""API stages nobody declared: the $default stage of a quick-created HTTP API (Terraform,
Pulumi) and the APIs SAM creates for function events (CloudFormation)."""

from __future__ import annotations

import iacfix.codemods as codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText

from tests.shared import OWNER_PARAMS


def findings(text, language, path, slugs, fix=False):
    # unsafe fixes on: a REST API's access logs need the account's CloudWatch role, which
    # these templates do not set
    settings = Settings(codemods=[codemods.lookup(s) for s in slugs], fix=fix, params=OWNER_PARAMS,
                        unsafe_fixes=True)
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


# ---------------------------------------------------------------- SAM implicit APIs

SAM = '''AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
{explicit}  # lists orders
  ListFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Events:
        List:
          Type: Api
          Properties:
            Path: /orders
            Method: get
{more}'''

EXPLICIT = '''  PartnerApi:
    Type: AWS::Serverless::Api
{attributes}    Properties:
      StageName: live
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          ThrottlingBurstLimit: 10
          ThrottlingRateLimit: 5
      AccessLogSetting:
        DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:partner
        Format: $context.requestId
      TracingEnabled: true

'''

SLUGS = ("api-throttling", "api-access-logging", "api-tracing")


def sam(explicit="", more="", attributes=""):
    return SAM.format(explicit=explicit.format(attributes=attributes), more=more)


def one_by_one(text, slugs):
    """``text`` fixed by each codemod of ``slugs`` in turn."""
    for slug in slugs:
        text = findings(text, "cloudformation", "t.yaml", [slug], fix=True).new or text
    return text


def implicit(res):
    return [f for f in res.findings if f.gap.resource_name == "ServerlessRestApi"]


def test_each_codemod_reports_the_implicit_rest_api_on_its_first_event_and_fixes_it_in_globals():
    for slug in SLUGS:
        res = findings(sam(), "cloudformation", "t.yaml", [slug])
        [f] = implicit(res)
        assert f.fixable and f.gap.line == 12 and f.gap.resource_type == "AWS::Serverless::Api"
        assert f.gap.message.startswith("API stage 'Prod' of ServerlessRestApi (the API SAM creates for the Api "
                                        "events of ListFunction) has no ")
        fixed = findings(sam(), "cloudformation", "t.yaml", [slug], fix=True).new
        assert "\nGlobals:\n  Api:\n" in fixed
        assert findings(fixed, "cloudformation", "t.yaml", [slug]).findings == []


def test_an_event_naming_its_api_or_unreadable_makes_no_implicit_api():
    named = sam().replace("            Path: /orders\n", "            RestApiId: !Ref OrdersApi\n            Path: /orders\n")
    unread = sam().replace("          Properties:\n            Path: /orders\n            Method: get\n",
                           "          Properties: !If [C, {Path: /a, Method: get}, {Path: /b, Method: get}]\n")
    unknown_globals = sam().replace("Resources:\n", "Globals: !If [C, {Api: {}}, {Api: {}}]\nResources:\n", 1)
    for text in (named, unread, unknown_globals):
        for slug in SLUGS:
            assert implicit(findings(text, "cloudformation", "t.yaml", [slug])) == []


def test_a_state_machine_api_event_makes_the_implicit_api_too():
    text = sam().replace("AWS::Serverless::Function", "AWS::Serverless::StateMachine")
    assert implicit(findings(text, "cloudformation", "t.yaml", ["api-tracing"]))


def test_a_value_in_globals_is_the_implicit_apis():
    text = sam().replace("Resources:\n", "Globals:\n  Api:\n    TracingEnabled: !Ref Tracing\n"
                         "    AccessLogSetting: !Ref Logs\nResources:\n", 1)
    for slug in ("api-tracing", "api-access-logging"):
        assert implicit(findings(text, "cloudformation", "t.yaml", [slug])) == []
    off = sam().replace("Resources:\n", "Globals:\n  Api:\n    TracingEnabled: false\nResources:\n", 1)
    [f] = implicit(findings(off, "cloudformation", "t.yaml", ["api-tracing"]))
    assert f.gap.unsafe and f.gap.message.endswith("has X-Ray tracing disabled (TracingEnabled: false)")


def test_suppressed_above_the_function():
    text = sam().replace("  # lists orders\n", "  # iacfix: ignore[api-tracing]\n")
    res = findings(text, "cloudformation", "t.yaml", ["api-tracing"])
    assert implicit(res) == [] and [f.gap.resource_name for f in res.suppressed] == ["ServerlessRestApi"]


def test_explicit_apis_that_would_take_the_globals_value_hold_the_fix_back():
    # PartnerApi sets all three itself: a list (MethodSettings) is still appended to
    text = sam(EXPLICIT)
    by_slug = {slug: implicit(findings(text, "cloudformation", "t.yaml", [slug])) for slug in SLUGS}
    [thr] = by_slug["api-throttling"]
    assert not thr.fixable and "would also be added to the MethodSettings of PartnerApi" in thr.gap.message
    assert by_slug["api-access-logging"][0].fixable and by_slug["api-tracing"][0].fixable
    # without its own TracingEnabled, PartnerApi would take Globals' value: its own finding first
    bare = text.replace("      TracingEnabled: true\n", "")
    [tr] = implicit(findings(bare, "cloudformation", "t.yaml", ["api-tracing"]))
    assert not tr.fixable and "would also reach PartnerApi, which does not set it itself" in tr.gap.message
    fixed = findings(bare, "cloudformation", "t.yaml", ["api-tracing"], fix=True).new
    assert fixed.count("TracingEnabled: true") == 2  # PartnerApi's own, then Globals' in the next pass
    # IgnoreGlobals opts an API out
    ignoring = sam(EXPLICIT, attributes="    IgnoreGlobals:\n      - MethodSettings\n")
    assert implicit(findings(ignoring, "cloudformation", "t.yaml", ["api-throttling"]))[0].fixable


SEARCH = '''
  SearchFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: search.handler
      CodeUri: src/
      Events:
        Search:
          Type: HttpApi
'''


def test_globals_sections_and_properties_land_in_one_order_whatever_runs_first():
    text = sam(more=SEARCH)
    together = findings(text, "cloudformation", "t.yaml", SLUGS, fix=True).new
    for order in (SLUGS, tuple(reversed(SLUGS))):
        assert one_by_one(text, order) == together
    assert together.index("  Api:\n") < together.index("  HttpApi:\n")
    assert together.index("AccessLogSetting:") < together.index("TracingEnabled:") < together.index("MethodSettings:")
    # the log groups go right before the function whose event makes the API
    assert together.index("ServerlessRestApiAccessLogs:\n    Type") < together.index("  # lists orders\n  ListFunction:")
    assert together.index("ServerlessHttpApiAccessLogs:\n    Type") < together.index("  SearchFunction:")


def test_crlf_is_kept():
    lf = findings(sam(), "cloudformation", "t.yaml", SLUGS, fix=True).new
    crlf = findings(sam().replace("\n", "\r\n"), "cloudformation", "t.yaml", SLUGS, fix=True).new
    assert crlf == lf.replace("\n", "\r\n")


# ------------------------------------------- alarms and outputs of SAM implicit APIs

def _alarm_values(text, metric):
    """The dimension values (as written) of the alarms on ``metric`` in ``text``."""
    out = []
    for block in text.split("Type: AWS::CloudWatch::Alarm")[1:]:
        if f"MetricName: {metric}\n" in block or f"MetricName: '{metric}'\n" in block:
            out.append(block.split("Value: ", 1)[1].split("\n", 1)[0])
    return out


def test_implicit_apis_get_alarms_named_by_the_stack_or_their_id():
    text = sam(more=SEARCH)
    res = findings(text, "cloudformation", "t.yaml", ["alarms"])
    assert sorted(f.gap.detail for f in res.findings if f.gap.resource_name.startswith("Serverless")) == \
        ["4xx-errors", "4xx-errors", "5xx-errors", "5xx-errors"]
    fixed = findings(text, "cloudformation", "t.yaml", ["alarms"], fix=True).new
    assert _alarm_values(fixed, "5XXError") == _alarm_values(fixed, "4XXError") == ["!Ref AWS::StackName"]
    assert _alarm_values(fixed, "5xx") == _alarm_values(fixed, "4xx") == ["!Ref ServerlessHttpApi"]
    assert findings(fixed, "cloudformation", "t.yaml", ["alarms"]).findings == []


def test_a_name_in_globals_is_the_implicit_rest_apis_name():
    named = "Globals:\n  Api:\n    Name: !Sub 'orders-${Env}'\nResources:\n"
    text = sam().replace("Resources:\n", named, 1)
    fixed = findings(text, "cloudformation", "t.yaml", ["alarms"], fix=True).new
    assert _alarm_values(fixed, "5XXError") == ["!Sub 'orders-${Env}'"]
    # the stack's name is then another API's: an alarm on it does not watch this one
    on_stack = findings(sam(), "cloudformation", "t.yaml", ["alarms"], fix=True).new
    assert not implicit(findings(on_stack, "cloudformation", "t.yaml", ["alarms"]))
    assert implicit(findings(on_stack.replace("Resources:\n", named, 1), "cloudformation", "t.yaml", ["alarms"]))


def test_implicit_apis_get_outputs_unless_one_refers_to_them():
    text = sam(more=SEARCH)
    fixed = findings(text, "cloudformation", "t.yaml", ["stack-outputs"], fix=True).new
    assert fixed.endswith("\nOutputs:\n"
                          "  ServerlessRestApiUrl:\n"
                          "    Description: Invoke URL of ServerlessRestApi\n"
                          "    Value: !Sub 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/'\n"
                          "  ServerlessHttpApiUrl:\n"
                          "    Description: Invoke URL of ServerlessHttpApi\n"
                          "    Value: !GetAtt ServerlessHttpApi.ApiEndpoint\n")
    suppressed = text.replace("  # lists orders\n", "  # iacfix: ignore[stack-outputs]\n")
    fixed = findings(suppressed, "cloudformation", "t.yaml", ["stack-outputs"], fix=True).new
    assert "ServerlessHttpApiUrl" in fixed and "ServerlessRestApiUrl" not in fixed


def test_alarms_and_outputs_land_in_one_order_whatever_runs_first():
    slugs = SLUGS + ("alarms", "stack-outputs")
    text = sam(more=SEARCH)
    together = findings(text, "cloudformation", "t.yaml", slugs, fix=True).new
    for order in (slugs, tuple(reversed(slugs))):
        assert one_by_one(text, order) == together, order


CONDITIONAL = '''AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Conditions:
  InUsEast1: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  SearchFunction:
    Type: AWS::Serverless::Function
    Condition: InUsEast1
    Properties:
      Handler: index.handler
      Runtime: python3.12
      CodeUri: src/
      Events:
        Search:
          Type: HttpApi
'''


def test_an_implicit_api_of_conditional_functions_gets_no_alarm_or_output_written():
    """SAM gives the API the condition of the functions that make it: an alarm or an output
    referring to it without that condition would not deploy where the condition is false."""
    res = findings(CONDITIONAL, "cloudformation", "t.yaml", ["alarms", "stack-outputs"])
    api = [f for f in res.findings if f.gap.resource_name == "ServerlessHttpApi"]
    assert len(api) == 3 and not any(f.fixable for f in api)
    assert all("carry a Condition" in f.gap.message for f in api)
