"""api_access_logging for AWS CDK v2 Python.

Every API Gateway stage writes access logs. A stage without them gets a new
``logs.LogGroup(self, "<Api>AccessLogs", retention=logs.RetentionDays.ONE_MONTH)``
(param ``retention_days``), defined just before the statement creating the API or
stage, and:

- ``apigateway.RestApi`` / ``LambdaRestApi`` / ``SpecRestApi`` (their ``prod``
  deployment stage): ``deploy_options=apigateway.StageOptions(access_log_destination=
  apigateway.LogGroupLogDestination(<log group>), access_log_format=...)``, merged into
  an existing ``StageOptions(...)``; ``apigateway.Stage``: the same two arguments.
  The format is ``AccessLogFormat.json_with_standard_fields(...)`` with the fields of
  ``formats.REST`` (it renders exactly ``formats.one_line(formats.REST)``).
- ``apigateway.CfnStage``: ``access_log_setting=CfnStage.AccessLogSettingProperty(
  destination_arn=<log group>.attr_arn, format=json.dumps({<formats.REST>}))``;
  ``apigatewayv2.CfnStage``: ``access_log_settings=CfnStage.AccessLogSettingsProperty(...)``
  with the HTTP format. The log group of an L1 stage is a ``logs.CfnLogGroup``
  (``retention_in_days=30``), in the L1 style of the stage.
- ``apigatewayv2.HttpApi`` (its ``$default`` stage), ``HttpStage``, ``WebSocketStage``:
  aws-cdk-lib takes their access log settings only as an implementation of the
  ``IAccessLogSettings`` interface (a class of its own in Python), so the fix is the
  escape hatch api-throttling also uses, a statement after the API/stage (and after
  api-throttling's own override)::

      http_api.default_stage.node.default_child.add_property_override(
          "AccessLogSettings",
          {"DestinationArn": http_api_access_logs.log_group_arn, "Format": '{"requestId":...}'},
      )

The log group states no deletion behaviour (as in the other languages): removal-policy
leaves alone the log groups API stages send access logs to, so the result does not
depend on which of the two runs first, and a log group left to CDK's default is
retained. The log group has no explicit ``log_group_name`` unless another log group of the
file has one and the served API has a ``rest_api_name``/``api_name`` literal (then
``<api name>-access-logs`` in the same string style). The JSON formats of L1 and
escape-hatch stages are written ``json.dumps({...})`` (``import json`` added where
isort puts it): the same fields as ``formats.one_line`` (with json's default spaces)
laid out one per line, where the one-line string would be a 250-character line. Tags: CDK tags stacks (``Tags.of(self)``), which reach the new
log group, so nothing is copied. New arguments go where the catalog's one order puts
them (the CDK adapter's ``add_kwargs``): before api-tracing's ``tracing_enabled`` and
the throttling arguments api-throttling appends, so the three compose in any order.

A stage with any access log setting (whatever its content, also a format without a
destination, or an escape-hatch ``AccessLogSettings`` override) is compliant;
options built elsewhere, ``**kwargs`` or ``deploy`` not literally True are unknown.
Not covered: REST APIs need the account-level CloudWatch role (``cloud_watch_role``,
default True in CDK) to deliver logs; iacfix does not change it.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.api_access_logging import formats
from iacfix.codemods.common import cdk as common
from iacfix.codemods.lang.cdk import (
    Renderer,
    add_kwargs,
    add_sorted_import,
    import_from,
    imports_modules,
    order_of,
)
from iacfix.codemods.common.cdk import RETENTION_DAYS
from iacfix.core import Edit, FixError, Gap
from iacfix.transforms.python import _dedent, _isort_key, kwarg, py_string

V1 = "aws_cdk.aws_apigateway"
V2_MODULES = ("aws_cdk.aws_apigatewayv2", "aws_cdk.aws_apigatewayv2_alpha")
REST_APIS = [f"{V1}.{n}" for n in ("RestApi", "LambdaRestApi", "SpecRestApi")]
LOGS = "aws_cdk.aws_logs"
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
    if common.is_cdk_v1(doc):
        return
    for site in doc.calls(*REST_APIS):
        yield from _rest_api(doc, site, ctx)
    for site in doc.calls(f"{V1}.Stage"):
        if not site.has_star_kwargs() and not _has_logs(site.call, "access_log_destination", "access_log_format"):
            yield _gap(doc, site, _stage_label(site), lambda site=site: _fix_v1_call(doc, site, site.call, site.qualname, ctx))
    for site in doc.calls(f"{V1}.CfnStage"):
        if not site.has_star_kwargs() and site.kwarg("access_log_setting") is None:
            yield _gap(doc, site, _stage_label(site), lambda site=site: _fix_cfn(doc, site, ctx, "v1"))
    for mod in V2_MODULES:
        for site in doc.calls(f"{mod}.CfnStage"):
            if not site.has_star_kwargs() and site.kwarg("access_log_settings") is None:
                yield _gap(doc, site, _stage_label(site), lambda site=site: _fix_cfn(doc, site, ctx, "v2"))
        for site in doc.calls(f"{mod}.HttpStage", f"{mod}.WebSocketStage"):
            if site.has_star_kwargs() or site.kwarg("access_log_settings") is not None:
                continue
            if site.target and common.overridden(doc, f"{site.target}.node.default_child", "AccessLogSettings"):
                continue
            yield _hatch_gap(doc, site, _stage_label(site), f"{site.target}.node.default_child", ctx)
        for site in doc.calls(f"{mod}.HttpApi"):
            if site.has_star_kwargs():
                continue
            cds = site.kwarg("create_default_stage")
            if cds is not None and common.boolean(cds.value) is not True:
                continue
            child = f"{site.target}.default_stage.node.default_child"
            if site.target and common.overridden(doc, child, "AccessLogSettings"):
                continue
            label = f"Default stage of HTTP API '{common.name_of(site)}'"
            yield _hatch_gap(doc, site, label, child, ctx)


def _has_logs(call, *names) -> bool:
    return any(kwarg(call, n) is not None for n in names)


def _stage_label(site):
    sn = site.kwarg("stage_name")
    name = common.string(sn.value) if sn is not None else None
    return f"API stage '{name or common.name_of(site)}'"


def _gap(doc, site, label, fix):
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=site.qualname.replace("aws_cdk.", "", 1),
        resource_name=common.name_of(site),
        message=f"{label} has no access logging",
        fix=fix if common.own_statement(doc, site) else None,
    )


# -------------------------------------------------------------------- REST v1
def _rest_api(doc, site, ctx):
    if site.has_star_kwargs():
        return
    deploy = site.kwarg("deploy")
    if deploy is not None and common.boolean(deploy.value) is not True:
        return
    opts = site.kwarg("deploy_options")
    stage = "prod"
    if opts is not None:
        call = opts.value
        if not (isinstance(call, cst.Call) and f"{V1}.StageOptions" in doc.qualified_names(call.func)):
            return  # options built elsewhere: unknown
        if any(a.star for a in call.args) or _has_logs(call, "access_log_destination", "access_log_format"):
            return
        sn = kwarg(call, "stage_name")
        if sn is not None:
            stage = common.string(sn.value)
    label = f"API stage '{stage}' of REST API '{common.name_of(site)}'" if stage else (
        f"API stage of REST API '{common.name_of(site)}'"
    )

    def fix():
        if opts is not None:
            return _fix_v1_call(doc, site, opts.value, f"{V1}.StageOptions", ctx)
        r = _Refs(doc, site)
        var, edits = _new_log_group(doc, site, r, ctx)
        value = f"{r.ref(f'{V1}.StageOptions')}({', '.join(f'{k}={v}' for k, v in _v1_args(r, var))})"
        return r.import_edits() + edits + add_kwargs(doc, site.call, [("deploy_options", value)], order_of(site.qualname))

    yield _gap(doc, site, label, fix)


class _Refs(Renderer):
    """The CDK adapter's renderer, except that several names new to a file that imports
    classes (``from aws_cdk.aws_logs import LogGroup, RetentionDays``) share one import."""

    def __init__(self, doc, site):
        super().__init__(doc, site)
        self.names = {}  # module -> names to import from it
        self.json_import = []

    def _import(self, module, cls):
        if module.startswith("aws_cdk.aws_") and imports_modules(self.doc):
            return super()._import(module, cls)
        name = cls.rpartition(".")[2]
        self.names.setdefault(module, set()).add(name)
        return name

    def import_edits(self):
        edits = super().import_edits() + self.json_import
        for module, names in self.names.items():
            names = sorted(names, key=_isort_key)
            if import_from(self.doc, module) is None:
                edits += add_sorted_import(self.doc, module, ", ".join(names))
                continue
            merged = {}  # names going to the same place: one insertion, in order
            for n in names:
                for e in self.doc.import_name(f"{module}.{n}")[1]:
                    merged[(e.start, e.end)] = merged.get((e.start, e.end), "") + e.replacement
            edits += [Edit(start, end, text) for (start, end), text in merged.items()]
        return edits


def _v1_args(r, var):
    fields = ", ".join(f"{k}={v}" for k, v in STANDARD_FIELDS.items())
    return [
        ("access_log_destination", f"{r.ref(f'{V1}.LogGroupLogDestination')}({var})"),
        ("access_log_format", f"{r.ref(f'{V1}.AccessLogFormat')}.json_with_standard_fields({fields})"),
    ]


def _fix_v1_call(doc, site, call, cls, ctx):
    """``access_log_destination`` and ``access_log_format`` on a Stage or StageOptions call."""
    r = _Refs(doc, site)
    var, edits = _new_log_group(doc, site, r, ctx)
    edits += add_kwargs(doc, call, _v1_args(r, var), order_of(cls))
    return r.import_edits() + edits


def _fix_cfn(doc, site, ctx, version):
    r = _Refs(doc, site)
    var, edits = _new_log_group(doc, site, r, ctx, l1=True)
    prop, kw, fmt = (
        ("AccessLogSettingProperty", "access_log_setting", formats.REST)
        if version == "v1"
        else ("AccessLogSettingsProperty", "access_log_settings", formats.HTTP)
    )
    value = (
        f"{doc.source(site.call.func)}.{prop}(destination_arn={var}.attr_arn, "
        f"format={_json_dumps(doc, fmt, r)})"
    )
    return r.import_edits() + edits + add_kwargs(doc, site.call, [(kw, value)], order_of(site.qualname))


def _json_dumps(doc, fields, r):
    """``json.dumps({...})`` of the format's fields (laid out one per line when long, where a
    one-line JSON string literal would be a 250-character line), importing json when needed."""
    ref, r.json_import = doc.import_stdlib("json")
    q = r.quote
    items = ", ".join(f"{py_string(k, q)}: {py_string(v, q)}" for k, v in fields.items())
    return f"{ref}.dumps({{{items}}})"


# ----------------------------------------------------------------- HTTP/WS v2
def _hatch_gap(doc, site, label, child, ctx):
    gap = _gap(doc, site, label, lambda: _fix_hatch(doc, site, child, ctx))
    if not site.target:
        gap.fix = None  # the override needs the API's / stage's variable
    return gap


def _fix_hatch(doc, site, child, ctx):
    r = _Refs(doc, site)
    var, edits = _new_log_group(doc, site, r, ctx)
    q = r.quote
    ind, unit = doc.statement_indent(site.statement), doc.indent_unit()
    fmt = doc.fit(_json_dumps(doc, formats.HTTP, r), ind + unit * 2, len(f"{q}Format{q}: ") + 1)
    code = _dedent(
        f"{child}.add_property_override(\n{ind}{unit}{q}AccessLogSettings{q},\n{ind}{unit}{{\n"
        f"{ind}{unit * 2}{q}DestinationArn{q}: {var}.log_group_arn,\n"
        f"{ind}{unit * 2}{q}Format{q}: {fmt},\n{ind}{unit}}},\n{ind})",
        ind,
    )
    anchor = site.statement
    for stmt in _following(doc, site.statement):  # after api-throttling's override, whichever ran first
        if _norm(doc, stmt).startswith(f"{child}.add_property_override({q}DefaultRouteSettings"):
            anchor = stmt
        else:
            break
    return r.import_edits() + edits + doc.insert_after_statement(anchor, code)


def _following(doc, stmt):
    parent = doc.parent(stmt)
    body = list(parent.body) if isinstance(parent, (cst.IndentedBlock, cst.Module)) else []
    return body[body.index(stmt) + 1:] if stmt in body else []


def _norm(doc, node) -> str:
    return re.sub(r"\s+", "", doc.code(node))


# ------------------------------------------------------------------ log group
def _new_log_group(doc, site, r, ctx, l1=False):
    """(variable, edits inserting ``<var> = logs.LogGroup(...)`` before the site's statement);
    ``l1``: a ``logs.CfnLogGroup`` (``retention_in_days``) for a file of L1 constructs."""
    days = int(ctx["retention_days"])
    member = RETENTION_DAYS.get(days)
    if member is None:
        raise FixError(f"CloudWatch Logs has no {days}-day retention period")
    stmt = site.statement
    id_node = site.positional(1)
    text = common.text_of(id_node) if id_node is not None else None
    camel = bool(text and re.fullmatch(r"[A-Za-z0-9{}]*", text) and re.search(r"[A-Z]", text))
    new_id = common.add_word_to_literal(doc, id_node, "accessLogs" if camel else "access-logs") if text else None
    if new_id is None or stmt is None:
        raise FixError("the API's construct id is not a string literal")
    if site.target:
        var = f"{site.target}_access_logs"
    else:
        var = common.snake(common.text_of(id_node) or "") + "_access_logs"
    if var in common.names_in_use(doc):
        raise FixError(f"the name {var} is already in use")
    scope = site.positional(0)
    args = [doc.source(scope) if scope is not None else "self", new_id]
    name = _log_group_name(doc, site)
    if name:
        args.append(f"log_group_name={name}")
    if l1:
        args.append(f"retention_in_days={days}")
    else:
        args.append(f"retention={r.ref(f'{LOGS}.RetentionDays.{member}')}")
    indent = doc.statement_indent(stmt)
    cls = r.ref(f"{LOGS}.CfnLogGroup" if l1 else f"{LOGS}.LogGroup")
    code = doc.render_call(f"{var} = ", cls, args, like=site.call, indent=indent)
    return var, doc.insert_before_statement(stmt, code, blank_line=None)


def _log_group_name(doc, site):
    """``<api name>-access-logs`` when the file names its log groups and the API has a literal name."""
    named = any(s.kwarg("log_group_name") is not None for s in doc.calls(f"{LOGS}.LogGroup"))
    if not named:
        return None
    if not site.class_name.endswith("Api"):
        return None
    for kw in ("rest_api_name", "api_name"):
        arg = site.kwarg(kw)
        if arg is not None:
            return common.add_word_to_literal(doc, arg.value, "access-logs")
    return None
