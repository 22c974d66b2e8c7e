"""api_access_logging for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``).

Every API Gateway stage writes access logs. A stage without them gets a new log group
``logs.LogGroup(self, "<Api>AccessLogs", retention=logs.RetentionDays.ONE_MONTH)`` /
``awslogs.NewLogGroup(stack, jsii.String("<Api>AccessLogs"), &awslogs.LogGroupProps{Retention:
awslogs.RetentionDays_ONE_MONTH})`` (param ``retention_days``), defined just before the
statement creating the API or stage, and:

- ``apigateway.RestApi`` / ``LambdaRestApi`` / ``SpecRestApi`` (their ``prod`` deployment
  stage): ``deploy_options=apigateway.StageOptions(access_log_destination=
  apigateway.LogGroupLogDestination(<log group>), access_log_format=...)`` (Go:
  ``DeployOptions: &awsapigateway.StageOptions{...}``), merged into an existing
  ``StageOptions``; ``apigateway.Stage``: the same two props. The format is
  ``AccessLogFormat.json_with_standard_fields(...)`` with the fields of ``formats.REST``
  (it renders exactly ``formats.one_line(formats.REST)``).
- ``apigateway.CfnStage``: ``access_log_setting=CfnStage.AccessLogSettingProperty(
  destination_arn=<log group>.attr_arn, format=<formats.REST as JSON>)``;
  ``apigatewayv2.CfnStage``: ``access_log_settings=CfnStage.AccessLogSettingsProperty(...)``
  with the HTTP format. The log group of an L1 stage is a ``logs.CfnLogGroup``
  (``retention_in_days=30``), in the L1 style of the stage.
- ``apigatewayv2.HttpApi`` (its ``$default`` stage), ``HttpStage``, ``WebSocketStage``:
  aws-cdk-lib takes their access log settings only as an implementation of the
  ``IAccessLogSettings`` interface (a class of its own in Python), so the fix is the escape
  hatch api-throttling also uses, a statement after the API's or stage's (and after
  api-throttling's own override)::

      http_api.default_stage.node.default_child.add_property_override(
          "AccessLogSettings",
          {"DestinationArn": http_api_access_logs.log_group_arn, "Format": json.dumps({...})},
      )

  It needs the API's or stage's variable (without one: reported, not fixed).

The JSON formats of L1 and escape-hatch stages are written in the file's language (the
view's ``Json``: ``json.dumps({...})`` one field a line, Go raw strings two fields a line):
the one-line string would be a 250-character line. The log group states no deletion
behaviour (as in the other languages): removal-policy leaves alone the log groups API stages
send access logs to, so the result does not depend on which of the two runs first, and a
log group left to CDK's default is retained. It has no explicit name unless another log
group of the file has one and the API has a ``rest_api_name``/``api_name`` literal (then
``<api name>-access-logs`` in the same string style). Tags: CDK tags stacks, which reach the
new log group, so nothing is copied. New props go where the catalog's one order puts them:
before api-tracing's ``tracing_enabled`` and the throttling props api-throttling appends, so
the three compose in any order.

A stage with any access log setting (whatever its content, also a format without a
destination, or an escape-hatch ``AccessLogSettings`` override) is compliant; props or
options not spelled out (``**kwargs``, built elsewhere) or ``deploy`` not literally true are
unknown. A REST API delivers access logs only when the account has API Gateway's CloudWatch
role; CDK makes one (``cloud_watch_role``) unless the app's cdk.json sets the feature flag
``@aws-cdk/aws-apigateway:disableCloudWatchRole`` (apps made by ``cdk init`` since 2.38 do).
With that flag, the fix also writes ``cloud_watch_role=True`` (without it the deploy fails
where the account has no role); a REST API that says ``cloud_watch_role=False``, or (with the
flag) whose ``deploy_options`` the fix would extend, is reported with what to do, not fixed.
"""

from __future__ import annotations

import json

from iacfix.codemods.api_access_logging import formats
from iacfix.codemods.common.cdk import RETENTION_DAYS
from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.cdk import Call, Code, Member
from iacfix.codemods.lang.view import Json, New
from iacfix.codemods.spec import ABSENT, UNKNOWN
from iacfix.core import FixError

V1 = "aws_cdk.aws_apigateway"
V2_MODULES = ("aws_cdk.aws_apigatewayv2", "aws_cdk.aws_apigatewayv2_alpha")
REST_APIS = [f"{V1}.{n}" for n in ("RestApi", "LambdaRestApi", "SpecRestApi")]
LOGS = "aws_cdk.aws_logs"
LOG_PROPS = ("access_log_destination", "access_log_format")
# json_with_standard_fields arguments giving exactly formats.REST (requestId is always there).
STANDARD_FIELDS = {
    "caller": False,
    "http_method": True,
    "ip": True,
    "protocol": True,
    "request_time": True,
    "resource_path": True,
    "response_length": True,
    "status": True,
    "user": False,
}


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    named = any(c.has("log_group_name") for c in f.constructs(f"{LOGS}.LogGroup"))
    for api in f.constructs(*REST_APIS):
        yield from _rest_api(api, ctx, named)
    for stage in f.constructs(f"{V1}.Stage"):
        if not stage.opaque and not any(stage.has(k) for k in LOG_PROPS):
            yield _gap(stage, _stage_label(stage), lambda stage=stage: _fix_props(stage, stage, ctx, named))
    yield from _l1_stages(f.constructs(f"{V1}.CfnStage"), "access_log_setting", formats.REST, ctx, named)
    for mod in V2_MODULES:
        yield from _l1_stages(f.constructs(f"{mod}.CfnStage"), "access_log_settings", formats.HTTP, ctx, named)
        for stage in f.constructs(f"{mod}.HttpStage", f"{mod}.WebSocketStage"):
            if stage.opaque or stage.has("access_log_settings"):
                continue
            if stage.target and stage.overridden((), "AccessLogSettings"):
                continue
            yield _hatch_gap(stage, _stage_label(stage), (), f"{mod}.CfnStage", ctx, named)
        for api in f.constructs(f"{mod}.HttpApi"):
            if api.opaque or (api.has("create_default_stage") and api.value("create_default_stage") is not True):
                continue  # no default stage, or one the file cannot tell
            if api.target and api.overridden(("default_stage",), "AccessLogSettings"):
                continue
            label = f"Default stage of HTTP API '{api.name}'"
            yield _hatch_gap(api, label, ("default_stage",), f"{mod}.CfnStage", ctx, named)


def _stage_label(stage):
    name = stage.value("stage_name")
    return f"API stage '{name if isinstance(name, str) and name else stage.name}'"


def _gap(c, label, fix):
    return c.gap(f"{label} has no access logging", c.fixer(fix) if c.can_add_before else None)


# -------------------------------------------------------------------- REST v1
def _rest_api(api, ctx, named):
    if api.opaque or (api.has("deploy") and api.value("deploy") is not True):
        return
    opts = api.struct("deploy_options", f"{V1}.StageOptions")
    if opts is UNKNOWN:
        return  # options built elsewhere: unknown
    stage = "prod"
    if opts is not ABSENT:
        if any(opts.has(k) for k in LOG_PROPS):
            return
        if opts.has("stage_name"):
            stage = opts.value("stage_name")
    label = (f"API stage '{stage}' of REST API '{api.name}'" if isinstance(stage, str) and stage
             else f"API stage of REST API '{api.name}'")
    role = []  # CDK makes the account's CloudWatch role unless told not to (the API, cdk.json's flag)
    off = api.has("cloud_watch_role") and api.value("cloud_watch_role") is False
    if off or (_no_cloudwatch_role(ctx) and not api.has("cloud_watch_role")):
        if off or opts is not ABSENT:
            why = f"the API says {api.setting('cloud_watch_role', False)}" if off else f"{ROLE_FLAG} is set in cdk.json"
            gap = _gap(api, label, lambda: [])
            gap.withhold(f"{why}, so CDK gives the account no API Gateway CloudWatch role and access logs "
                         f"deploy only where the account has one: set {api.setting('cloud_watch_role', True)} on "
                         "the API (or give the account the role), then fix")
            yield gap
            return
        role = [("cloud_watch_role", True)]
    yield _gap(api, label, lambda: _fix_props(api, None if opts is ABSENT else opts, ctx, named, role))


ROLE_FLAG = "@aws-cdk/aws-apigateway:disableCloudWatchRole"


def _no_cloudwatch_role(ctx) -> bool:
    """Does the app's cdk.json turn off the CloudWatch role CDK makes for a REST API?"""
    text = (ctx.package_files() or {}).get("cdk.json")
    try:
        flags = json.loads(text).get("context", {}) if text else {}
    except (ValueError, AttributeError):
        return False
    return isinstance(flags, dict) and flags.get(ROLE_FLAG) in (True, "true")


def _log_props(var):
    return (
        ("access_log_destination", Call(f"{V1}.LogGroupLogDestination", Code(var))),
        ("access_log_format", New(f"{V1}.AccessLogFormat.json_with_standard_fields", tuple(STANDARD_FIELDS.items()))),
    )


def _fix_props(c, props, ctx, named, more=()):
    """The two props on ``props`` (a Stage, a REST API's StageOptions; None: new
    ``deploy_options`` on the API, with ``more`` of the API's props), and the log group
    before the statement."""
    var, edits = _log_group(c, ctx, named)
    if props is None:
        return edits + c.add_in_order(c.qualname, [*more, ("deploy_options", New(f"{V1}.StageOptions", _log_props(var)))])
    return edits + props.add_in_order(c.qualname if props is c else f"{V1}.StageOptions", _log_props(var))


def _l1_stages(stages, prop, fields, ctx, named):
    """``access_log_setting(s)=CfnStage.AccessLogSetting(s)Property(...)``, its log group an L1 one."""
    struct = "AccessLogSettingProperty" if prop == "access_log_setting" else "AccessLogSettingsProperty"

    def fix(stage):
        var, edits = _log_group(stage, ctx, named, l1=True)
        value = New(f"{stage.qualname}.{struct}", (("destination_arn", Code(stage.attr("attr_arn", var))),
                                                   ("format", Json(fields))))
        return edits + stage.add_in_order(stage.qualname, [(prop, value)])

    for stage in stages:
        if not stage.opaque and not stage.has(prop):
            yield _gap(stage, _stage_label(stage), lambda stage=stage: fix(stage))


# ----------------------------------------------------------------- HTTP/WS v2
def _hatch_gap(c, label, attrs, l1, ctx, named):
    def fix():
        var, edits = _log_group(c, ctx, named)
        value = {"DestinationArn": Code(c.attr("log_group_arn", var)), "Format": Json(formats.HTTP)}
        return edits + c.add_override_after(attrs, l1, "AccessLogSettings", value, ("DefaultRouteSettings",))

    gap = _gap(c, label, fix)
    if not c.target:
        gap.fix = None  # the override needs the API's / stage's variable
    return gap


# ------------------------------------------------------------------ log group
def _log_group(c, ctx, named, l1=False):
    """(variable, edits defining the new log group before the construct's statement); ``l1``:
    a ``logs.CfnLogGroup`` (``retention_in_days``) for a file of L1 constructs."""
    days = int(ctx["retention_days"])
    member = RETENTION_DAYS.get(days)
    if member is None:
        raise FixError(f"CloudWatch Logs has no {days}-day retention period")
    props = []
    name = _log_group_name(c) if named else None
    if name:
        props.append(("log_group_name", Code(name)))
    if l1:
        props.append(("retention_in_days", days))
    else:
        props.append(("retention", Member(f"{LOGS}.RetentionDays.{member}")))
    return c.add_named_before(f"{LOGS}.CfnLogGroup" if l1 else f"{LOGS}.LogGroup", "access-logs", props)


def _log_group_name(c):
    """``<api name>-access-logs`` when the API has a literal name."""
    if not c.qualname.endswith("Api"):
        return None
    for prop in ("rest_api_name", "api_name"):
        if c.has(prop):
            return c.name_with_word(prop, "access-logs")
    return None
