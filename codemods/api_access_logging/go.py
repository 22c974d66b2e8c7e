"""api_access_logging for AWS CDK v2 Go, as for CDK Python (``cdk.py``) on the REST API stages.

A stage without access logs gets a new ``<api>AccessLogs := awslogs.NewLogGroup(<scope>,
jsii.String("<Api>AccessLogs"), &awslogs.LogGroupProps{Retention:
awslogs.RetentionDays_ONE_MONTH})`` (param ``retention_days``), defined just before the
statement creating the API or stage (and the comment lines above it), and:

- ``awsapigateway.NewRestApi`` / ``NewLambdaRestApi`` / ``NewSpecRestApi`` (their ``prod``
  deployment stage): ``DeployOptions: &awsapigateway.StageOptions{AccessLogDestination:
  awsapigateway.NewLogGroupLogDestination(<log group>), AccessLogFormat:
  awsapigateway.AccessLogFormat_JsonWithStandardFields(&awsapigateway.JsonWithStandardFieldProps{...})}``
  (the fields of ``formats.REST``, CDK Python's ``STANDARD_FIELDS``), merged into an existing
  ``&awsapigateway.StageOptions{...}``; ``awsapigateway.NewStage``: the same two fields.

The two fields go where the catalog's order puts them (``spec.ORDER``, as the CDK adapter
places new fields): before api-tracing's ``TracingEnabled`` and the throttling limits
api-throttling appends, so the three compose in any order. The log group states no deletion
behaviour (removal-policy leaves access log groups alone) and is named
(``LogGroupName: "<api name>-access-logs"``) only when another log group of the file is
named and the API has a literal ``RestApiName``.

- ``awsapigateway.NewCfnStage``: ``AccessLogSetting: &awsapigateway.CfnStage_AccessLogSettingProperty{
  DestinationArn: <log group>.AttrArn(), Format: ...}``; ``awsapigatewayv2.NewCfnStage``:
  ``AccessLogSettings: &awsapigatewayv2.CfnStage_AccessLogSettingsProperty{...}`` with the HTTP
  format. The log group of an L1 stage is an ``awslogs.NewCfnLogGroup`` (``RetentionInDays``),
  in the L1 style of the stage, as in CDK Python. The format is ``formats.one_line`` of the
  stage's fields, written as a sum of raw strings two fields a line (the one-line string
  would be a 250-character line; gofmt leaves a multi-line value unaligned).

- ``awsapigatewayv2.NewHttpApi`` (its default stage), ``NewHttpStage``, ``NewWebSocketStage``:
  as in CDK Python, the escape hatch, a statement after the API's or stage's (and after
  api-throttling's own override)::

      httpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage).AddPropertyOverride(
          jsii.String("AccessLogSettings"), map[string]interface{}{"DestinationArn": ..., "Format": ...})

  with the HTTP format; it needs the API's or stage's variable (without one: reported, not
  fixed); an override of AccessLogSettings already there (``common.overrides``), or a
  stage's ``AccessLogSettings`` field, is compliant.

A stage with any access log setting is compliant; options built elsewhere or ``Deploy`` not
literally true are unknown.
"""

from __future__ import annotations

import json
import re

from iacfix.codemods.api_access_logging import formats
from iacfix.codemods.api_access_logging.cdk import STANDARD_FIELDS
from iacfix.codemods.common import go as common
from iacfix.codemods.common.cdk import RETENTION_DAYS, add_word_to_name
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.interpret import _anchor, go_order
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import FixError, Gap
from iacfix.transforms.go import JSII, GoCall, GoLit, go_string, render

V1 = "github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
V2 = "github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
LOGS = "github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
REST_APIS = {"NewRestApi": "RestApiProps", "NewLambdaRestApi": "LambdaRestApiProps",
             "NewSpecRestApi": "SpecRestApiProps"}
LOG_FIELDS = ("AccessLogDestination", "AccessLogFormat")
# the catalog's order of a stage's fields (StageOptions and Stage alike): access logs first
ORDER = go_order(order_of("aws_cdk.aws_apigateway.StageOptions"))


def detect(doc, ctx):
    for site in doc.calls():
        if len(site.args) == 3 and site.path in (V1, V2) and site.func == "NewCfnStage":
            yield from _cfn_stage(doc, site, ctx)
            continue
        if len(site.args) == 3 and site.path == V2 and site.func in ("NewHttpApi", *V2_STAGES):
            yield from _v2(doc, site, ctx)
            continue
        if len(site.args) != 3 or site.path != V1:
            continue
        if site.func in REST_APIS:
            yield from _rest_api(doc, site, ctx)
        elif site.func == "NewStage":
            lit = _props(doc, site, "StageProps")
            if lit is not None and not any(lit.field(k) for k in LOG_FIELDS):
                yield _gap(doc, site, _stage_label(doc, site, lit),
                           lambda site=site, lit=lit: _fix_fields(doc, site, lit, lit, ctx))


def _props(doc, site, name):
    lit = doc.literal(site.args[2])
    if lit is None or not lit.plain or (lit.type_path, lit.type_name) != (V1, name):
        return None
    return lit


def _stage_label(doc, site, lit):
    f = lit.field("StageName")
    name = literal(doc, f.value) if f is not None else None
    return f"API stage '{name if isinstance(name, str) else common.name_of(site)}'"


def _gap(doc, site, label, fix):
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=f"{doc.name_for(site.path)}.{site.func[len('New'):]}",
        resource_name=common.name_of(site),
        message=f"{label} has no access logging",
        fix=fix if common.statement_of(doc, site.call) is not None else None,
    )


def _rest_api(doc, site, ctx):
    lit = _props(doc, site, REST_APIS[site.func])
    if lit is None:
        return
    deploy = lit.field("Deploy")
    if deploy is not None and literal(doc, deploy.value) is not True:
        return
    opts = lit.field("DeployOptions")
    stage = "prod"
    inner = None
    if opts is not None:
        inner = doc.literal(opts.value)
        if inner is None or not inner.plain or (inner.type_path, inner.type_name) != (V1, "StageOptions"):
            return  # options built elsewhere: unknown
        if any(inner.field(k) for k in LOG_FIELDS):
            return
        sn = inner.field("StageName")
        if sn is not None:
            stage = literal(doc, sn.value)
    api = common.name_of(site)
    label = f"API stage '{stage}' of REST API '{api}'" if isinstance(stage, str) else f"API stage of REST API '{api}'"
    yield _gap(doc, site, label, lambda: _fix_fields(doc, site, lit, inner, ctx))


def _log_fields(r: Renderer, var: str):
    fields = tuple((names.field(k), f"{r.pkg(JSII)}.Bool({'true' if v else 'false'})") for k, v in STANDARD_FIELDS.items())
    return (
        ("AccessLogDestination", f"{r.pkg(V1)}.NewLogGroupLogDestination({var})"),
        ("AccessLogFormat", GoCall(f"{r.pkg(V1)}.AccessLogFormat_JsonWithStandardFields",
                                   (GoLit(f"{r.pkg(V1)}.JsonWithStandardFieldProps", fields),))),
    )


def _fix_fields(doc, site, props, target, ctx):
    """The two fields on ``target`` (the stage's props or its StageOptions; None: a new
    ``DeployOptions`` in ``props``), and the log group before the statement."""
    r = Renderer(doc)
    var, edits = _new_log_group(doc, site, props, r, ctx)
    fields = _log_fields(r, var)
    if target is None:
        edits += doc.insert_fields(props, [(None, "DeployOptions", GoLit(f"{r.pkg(V1)}.StageOptions", fields))])
    else:
        edits += doc.insert_fields(target, [(_anchor(target, k, ORDER), k, v) for k, v in fields])
    return r.import_edits() + edits


V2_STAGES = {"NewHttpStage": "HttpStageProps", "NewWebSocketStage": "WebSocketStageProps"}


def _v2(doc, site, ctx):
    """An HTTP API's default stage, or an L2 HTTP / WebSocket stage: the escape hatch."""
    lit = doc.literal(site.args[2])
    if lit is None and site.args[2].type != "nil":
        return  # props built elsewhere: unknown
    props = "HttpApiProps" if site.func == "NewHttpApi" else V2_STAGES[site.func]
    if lit is not None and (not lit.plain or (lit.type_path, lit.type_name) != (V2, props)):
        return
    if site.func == "NewHttpApi":
        cds = lit.field("CreateDefaultStage") if lit is not None else None
        if cds is not None and literal(doc, cds.value) is not True:
            return  # no default stage, or one the file cannot tell
        construct, label = f"{site.target}.DefaultStage()", f"Default stage of HTTP API '{common.name_of(site)}'"
    else:
        if lit is not None and lit.field("AccessLogSettings") is not None:
            return
        construct, label = f"{site.target}.Node()", _stage_label(doc, site, lit) if lit is not None else (
            f"API stage '{common.name_of(site)}'")
    if site.target and common.overrides(doc, construct, "AccessLogSettings"):
        return
    gap = _gap(doc, site, label, lambda: _fix_hatch(doc, site, lit, construct, ctx))
    if not site.target:
        gap.fix = None  # the override needs the API's / stage's variable
    yield gap


def _fix_hatch(doc, site, lit, construct, ctx):
    r = Renderer(doc)
    var, edits = _new_log_group(doc, site, lit, r, ctx)
    stmt = common.statement_of(doc, site.call)
    indent = doc.indent_of(stmt.start_point[0])
    child = f"{construct}.DefaultChild()" if construct.endswith(".Node()") else f"{construct}.Node().DefaultChild()"
    call = (f"{child}.({r.pkg(V2)}.CfnStage).AddPropertyOverride({r.pkg(JSII)}.String(\"AccessLogSettings\"), "
            f"map[string]interface{{}}{{\n{indent}\t\"DestinationArn\": {var}.LogGroupArn(),\n"
            f"{indent}\t\"Format\": {_format(formats.HTTP, indent + chr(9) * 2)},\n{indent}}})")
    anchor = stmt
    nxt = anchor.next_named_sibling
    while nxt is not None and re.sub(r"\s+", "", doc.source(nxt)).startswith(
            f"{child}.({r.pkg(V2)}.CfnStage).AddPropertyOverride({r.pkg(JSII)}.String(\"DefaultRouteSettings"):
        anchor, nxt = nxt, nxt.next_named_sibling  # after api-throttling's override, whichever ran first
    return r.import_edits() + edits + [common.after_statement(doc, anchor, [call])]


L1 = {V1: ("AccessLogSetting", "CfnStage_AccessLogSettingProperty", formats.REST),
      V2: ("AccessLogSettings", "CfnStage_AccessLogSettingsProperty", formats.HTTP)}


def _cfn_stage(doc, site, ctx):
    lit = doc.literal(site.args[2])
    if lit is None or not lit.plain or (lit.type_path, lit.type_name) != (site.path, "CfnStageProps"):
        return
    key, prop, fields = L1[site.path]
    if lit.field(key) is not None:
        return

    def fix():
        r = Renderer(doc)
        var, edits = _new_log_group(doc, site, lit, r, ctx, l1=True)
        indent = doc.indent_of(lit.node.start_point[0]) + "\t\t\t"  # the Format value's next lines
        value = GoLit(f"{r.pkg(site.path)}.{prop}", (
            ("DestinationArn", f"{var}.AttrArn()"),
            ("Format", f"{r.pkg(JSII)}.String({_format(fields, indent)})")))
        order = go_order(order_of(f"aws_cdk.aws_apigateway{'' if site.path == V1 else 'v2'}.CfnStage"))
        return r.import_edits() + edits + doc.insert_fields(lit, [(_anchor(lit, key, order), key, value)])

    yield _gap(doc, site, _stage_label(doc, site, lit), fix)


def _format(fields, indent: str) -> str:
    """``formats.one_line(fields)`` as raw strings joined by ``+``, two fields a line."""
    pairs = [json.dumps(k) + ":" + json.dumps(v) for k, v in fields.items()]
    rows = [",".join(pairs[i:i + 2]) for i in range(0, len(pairs), 2)]
    rows = ["{" + rows[0]] + rows[1:]
    rows = [row + ("," if i < len(rows) - 1 else "}") for i, row in enumerate(rows)]
    assert "".join(rows) == formats.one_line(fields) and "`" not in "".join(rows)
    return (" +\n" + indent).join(f"`{row}`" for row in rows)


def _new_log_group(doc, site, props, r, ctx, l1=False):
    days = int(ctx["retention_days"])
    member = RETENTION_DAYS.get(days)
    if member is None:
        raise FixError(f"CloudWatch Logs has no {days}-day retention period")
    stmt = common.statement_of(doc, site.call)
    construct_id = literal(doc, site.arg(1))
    if stmt is None or not isinstance(construct_id, str):
        raise FixError("the API's construct id is not a string literal")
    new_id = add_word_to_name(construct_id, "accessLogs" if re.search(r"[A-Z]", construct_id)
                              and re.fullmatch(r"[A-Za-z0-9]+", construct_id) else "access-logs")
    base = site.target or (construct_id[:1].lower() + re.sub(r"[^A-Za-z0-9]", "", construct_id[1:]))
    var = f"{base}AccessLogs"
    if var in common.names_in_use(doc):
        raise FixError(f"the name {var} is already in use")
    fields = []
    name = _log_group_name(doc, props, r)
    if name:
        fields.append(("LogGroupName", name))
    if l1:  # a file of L1 constructs: the log group is one too
        fields.append(("RetentionInDays", f"{r.pkg(JSII)}.Number({days})"))
    else:
        fields.append(("Retention", f"{r.pkg(LOGS)}.RetentionDays_{member}"))
    indent = doc.indent_of(stmt.start_point[0])
    kind = "CfnLogGroup" if l1 else "LogGroup"
    lit = render(GoLit(f"{r.pkg(LOGS)}.{kind}Props", tuple(fields)), indent, inline=False)
    code = (f"{var} := {r.pkg(LOGS)}.New{kind}({doc.source(site.arg(0))}, "
            f"{r.pkg(JSII)}.String({go_string(new_id)}), {lit})")
    return var, [common.before_statement(doc, stmt, [code])]


def _log_group_name(doc, props, r):
    """``<api name>-access-logs`` when the file names its log groups and the API's name is literal."""
    named = False
    for s in doc.calls():
        if (s.path, s.func) == (LOGS, "NewLogGroup") and len(s.args) == 3:
            lit = doc.literal(s.args[2])
            named = named or (lit is not None and lit.field("LogGroupName") is not None)
    f = props.field("RestApiName") if named and props is not None else None
    if f is None:
        return None
    v = literal(doc, f.value)
    if isinstance(v, str):
        return f"{r.pkg(JSII)}.String({go_string(add_word_to_name(v, 'access-logs'))})"
    return None
