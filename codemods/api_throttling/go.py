"""api_throttling for AWS CDK v2 Go, as for CDK Python (``cdk.py``):

- ``awsapigateway.NewRestApi`` / ``NewLambdaRestApi`` / ``NewSpecRestApi``: the deployment
  stage's limits go in ``DeployOptions: &awsapigateway.StageOptions{ThrottlingRateLimit: ...,
  ThrottlingBurstLimit: ...}``, merged into an existing ``&awsapigateway.StageOptions{...}``
  (one with ``MethodOptions`` is left alone). ``Deploy: jsii.Bool(false)`` creates no stage.
- ``awsapigateway.NewStage``: the same two fields on the stage's props.
- ``awsapigatewayv2.NewHttpStage`` / ``NewWebSocketStage``: ``Throttle:
  &awsapigatewayv2.ThrottleSettings{RateLimit: ..., BurstLimit: ...}``.

- ``awsapigateway.NewCfnStage``: a ``&awsapigateway.CfnStage_MethodSettingProperty{HttpMethod:
  "*", ResourcePath: "/*", ThrottlingBurstLimit: ..., ThrottlingRateLimit: ...}`` in
  ``MethodSettings`` (a new ``&[]interface{}{...}``, or appended to an existing one), the
  limits merged into an existing ``*`` / ``/*`` entry.
- ``awsapigatewayv2.NewCfnStage``: ``DefaultRouteSettings:
  &awsapigatewayv2.CfnStage_RouteSettingsProperty{ThrottlingBurstLimit: ..., ThrottlingRateLimit: ...}``,
  merged into an existing one.

- ``awsapigatewayv2.NewHttpApi``: its default stage (``CreateDefaultStage`` not false)
  takes no throttling props, so the fix is CDK Python's escape hatch, the Go way, in a
  statement after the API's::

      httpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage).AddPropertyOverride(
          jsii.String("DefaultRouteSettings"), map[string]interface{}{...})

  It needs the API's variable (without one: reported, not fixed); an override of the
  default stage's ``DefaultRouteSettings`` already there is compliant.

A limit given by anything but a number (a variable, a field of a config) is taken as set;
a negative one (-1 disables throttling) is an unsafe finding whose fix replaces it; props
(or method settings) built elsewhere are left alone.
"""

from __future__ import annotations

from iacfix.codemods.api_throttling.cdk import DISABLED, MISSING, OK, UNKNOWN
from iacfix.codemods.common import go as common
from iacfix.codemods.common.cdk import num_code
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import Gap
from iacfix.transforms.go import JSII, GoList, GoLit

V1 = "github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
V2 = "github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
REST_APIS = {"NewRestApi": "RestApiProps", "NewLambdaRestApi": "LambdaRestApiProps",
             "NewSpecRestApi": "SpecRestApiProps"}
V2_STAGES = {"NewHttpStage": "HttpStageProps", "NewWebSocketStage": "WebSocketStageProps"}


def detect(doc, ctx):
    rate, burst = ctx["rate_limit"], ctx["burst_limit"]
    for site in doc.calls():
        if len(site.args) != 3:
            continue
        if site.path == V1 and site.func in REST_APIS:
            yield from _rest_api(doc, site, rate, burst)
        elif (site.path, site.func) == (V1, "NewStage"):
            lit = _props(doc, site, V1, "StageProps")
            if lit is not None:
                yield from _check(doc, site, lit, rate, burst, _stage_label(doc, site, lit))
        elif site.path == V2 and site.func in V2_STAGES:
            yield from _v2_stage(doc, site, rate, burst)
        elif (site.path, site.func) == (V2, "NewHttpApi"):
            yield from _http_api(doc, site, rate, burst)
        elif (site.path, site.func) == (V1, "NewCfnStage"):
            yield from _cfn_stage_v1(doc, site, rate, burst)
        elif (site.path, site.func) == (V2, "NewCfnStage"):
            yield from _cfn_stage_v2(doc, site, rate, burst)


def _props(doc, site, path, name):
    lit = doc.literal(site.args[2])
    if lit is None or not lit.plain or (lit.type_path, lit.type_name) != (path, name):
        return None
    return lit


def _status(doc, f):
    if f is None:
        return MISSING
    v = literal(doc, f.value)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return UNKNOWN
    return DISABLED if v < 0 else OK


def _gap(doc, site, label, statuses, fix) -> Gap:
    missing = [k for k, s in statuses.items() if s == MISSING]
    disabled = [k for k, s in statuses.items() if s == DISABLED]
    if disabled:
        msg = f"{label} has throttling disabled (negative {' and '.join(disabled)} limit)"
    elif len(missing) == 2:
        msg = f"{label} has no throttling limits"
    else:
        msg = f"{label} has no throttling {missing[0]} limit"
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=f"{doc.name_for(site.path)}.{site.func[len('New'):]}",
        resource_name=common.name_of(site),
        message=msg,
        fix=fix,
        unsafe=bool(disabled),
    )


def _check(doc, site, lit, rate, burst, label, rate_key="ThrottlingRateLimit", burst_key="ThrottlingBurstLimit",
           burst_first=False):
    statuses = {"rate": _status(doc, lit.field(rate_key)), "burst": _status(doc, lit.field(burst_key))}
    if UNKNOWN in statuses.values() or set(statuses.values()) == {OK}:
        return
    yield _gap(doc, site, label, statuses,
               lambda: _limits_fix(doc, lit, rate, burst, rate_key, burst_key, burst_first))


def _limits_fix(doc, lit, rate, burst, rate_key, burst_key, burst_first=False):
    r = Renderer(doc)
    edits, add = [], []
    pairs = ((rate_key, rate), (burst_key, burst))
    for key, value in (pairs[::-1] if burst_first else pairs):  # the L1 properties: burst first, as CDK Python
        f = lit.field(key)
        text = f"{r.pkg(JSII)}.Number({num_code(value)})"
        if f is None:
            add.append((None, key, text))
        elif _status(doc, f) == DISABLED:
            edits += doc.replace(f.value, text)
    return r.import_edits() + edits + doc.insert_fields(lit, add)


def _stage_label(doc, site, lit):
    f = lit.field("StageName") if lit is not None else None
    name = literal(doc, f.value) if f is not None else None
    return f"API stage '{name if isinstance(name, str) else common.name_of(site)}'"


def _rest_api(doc, site, rate, burst):
    lit = _props(doc, site, V1, REST_APIS[site.func])
    if lit is None:
        return
    deploy = lit.field("Deploy")
    if deploy is not None and literal(doc, deploy.value) is not True:
        return  # Deploy: false: no stage; anything else: unknown
    opts = lit.field("DeployOptions")
    api = common.name_of(site)
    if opts is None:
        label = f"API stage 'prod' of REST API '{api}'"
        yield _gap(doc, site, label, {"rate": MISSING, "burst": MISSING},
                   lambda: _add(doc, lit, "DeployOptions", f"{V1}|StageOptions",
                                (("ThrottlingRateLimit", rate), ("ThrottlingBurstLimit", burst))))
        return
    inner = doc.literal(opts.value)
    if inner is None or not inner.plain or (inner.type_path, inner.type_name) != (V1, "StageOptions"):
        return  # options built elsewhere: unknown
    if inner.field("MethodOptions") is not None:
        return
    sn = inner.field("StageName")
    stage = literal(doc, sn.value) if sn is not None else "prod"
    label = f"API stage '{stage}' of REST API '{api}'" if isinstance(stage, str) else f"API stage of REST API '{api}'"
    yield from _check(doc, site, inner, rate, burst, label)


def _v2_stage(doc, site, rate, burst):
    lit = _props(doc, site, V2, V2_STAGES[site.func])
    if lit is None:
        return
    label = _stage_label(doc, site, lit)
    th = lit.field("Throttle")
    if th is None:
        yield _gap(doc, site, label, {"rate": MISSING, "burst": MISSING},
                   lambda: _add(doc, lit, "Throttle", f"{V2}|ThrottleSettings",
                                (("RateLimit", rate), ("BurstLimit", burst))))
        return
    inner = doc.literal(th.value)
    if inner is not None and inner.plain and (inner.type_path, inner.type_name) == (V2, "ThrottleSettings"):
        yield from _check(doc, site, inner, rate, burst, label, "RateLimit", "BurstLimit")


def _add(doc, lit, key, typ, limits):
    r = Renderer(doc)
    path, name = typ.split("|")
    value = GoLit(f"{r.pkg(path)}.{name}", tuple((k, f"{r.pkg(JSII)}.Number({num_code(v)})") for k, v in limits))
    return r.import_edits() + doc.insert_fields(lit, [(None, key, value)])


LIMITS = ("ThrottlingRateLimit", "ThrottlingBurstLimit")


def _limits(r: Renderer, rate, burst):
    """The two limit fields, burst first as CDK Python writes them on the L1 properties."""
    return (("ThrottlingBurstLimit", f"{r.pkg(JSII)}.Number({num_code(burst)})"),
            ("ThrottlingRateLimit", f"{r.pkg(JSII)}.Number({num_code(rate)})"))


def _slice(doc, node):
    """The ``{...}`` body and the element nodes of a ``[]interface{}{...}`` literal (with or
    without ``&``), else None."""
    if node is not None and node.type == "unary_expression" and doc.source(node.child_by_field_name("operator")) == "&":
        node = node.child_by_field_name("operand")
    if node is None or node.type != "composite_literal":
        return None
    typ, body = node.child_by_field_name("type"), node.child_by_field_name("body")
    if typ is None or body is None or typ.type != "slice_type":
        return None
    return body, [c.named_children[0] if c.type == "literal_element" and c.named_children else c
                  for c in body.named_children if c.type != "comment"]


def _cfn_stage_v1(doc, site, rate, burst):
    lit = _props(doc, site, V1, "CfnStageProps")
    if lit is None:
        return
    label = _stage_label(doc, site, lit)
    missing = {"rate": MISSING, "burst": MISSING}

    def entry(r):
        return GoLit(f"{r.pkg(V1)}.CfnStage_MethodSettingProperty",
                     (("HttpMethod", f'{r.pkg(JSII)}.String("*")'), ("ResourcePath", f'{r.pkg(JSII)}.String("/*")'))
                     + _limits(r, rate, burst))

    ms = lit.field("MethodSettings")
    if ms is None:
        def add():
            r = Renderer(doc)
            return r.import_edits() + doc.insert_fields(lit, [(None, "MethodSettings", GoList("interface{}", (entry(r),)))])

        yield _gap(doc, site, label, missing, add)
        return
    found = _slice(doc, ms.value)
    if found is None:
        return  # settings built elsewhere: unknown
    body, items = found
    star = None
    for item in items:
        e = doc.literal(item)
        if e is None or not e.plain or (e.type_path, e.type_name) != (V1, "CfnStage_MethodSettingProperty"):
            return  # an entry we cannot read
        method, path = (literal(doc, e.field(k).value) if e.field(k) is not None else None
                        for k in ("HttpMethod", "ResourcePath"))
        if (method, path) == ("*", "/*"):
            star = e
    if star is None:
        def append():
            r = Renderer(doc)
            return r.import_edits() + doc.append_element(body, entry(r))

        yield _gap(doc, site, label, missing, append)
        return
    yield from _check(doc, site, star, rate, burst, label, burst_first=True)


def _cfn_stage_v2(doc, site, rate, burst):
    lit = _props(doc, site, V2, "CfnStageProps")
    if lit is None:
        return
    label = _stage_label(doc, site, lit)
    drs = lit.field("DefaultRouteSettings")
    if drs is None:
        def add():
            r = Renderer(doc)
            value = GoLit(f"{r.pkg(V2)}.CfnStage_RouteSettingsProperty", _limits(r, rate, burst))
            return r.import_edits() + doc.insert_fields(lit, [(None, "DefaultRouteSettings", value)])

        yield _gap(doc, site, label, {"rate": MISSING, "burst": MISSING}, add)
        return
    inner = doc.literal(drs.value)
    if inner is not None and inner.plain and (inner.type_path, inner.type_name) == (V2, "CfnStage_RouteSettingsProperty"):
        yield from _check(doc, site, inner, rate, burst, label, burst_first=True)


def _http_api(doc, site, rate, burst):
    lit = doc.literal(site.args[2])
    if lit is None and site.args[2].type != "nil":
        return  # props built elsewhere: unknown
    if lit is not None:
        if not lit.plain or (lit.type_path, lit.type_name) != (V2, "HttpApiProps"):
            return
        cds = lit.field("CreateDefaultStage")
        if cds is not None and literal(doc, cds.value) is not True:
            return  # no default stage, or one the file cannot tell
    if site.target and common.overrides(doc, f"{site.target}.DefaultStage()", "DefaultRouteSettings"):
        return
    stmt = common.statement_of(doc, site.call)
    label = f"Default stage of HTTP API '{common.name_of(site)}'"

    def fix():
        r = Renderer(doc)
        indent = doc.indent_of(stmt.start_point[0])
        call = (f"{site.target}.DefaultStage().Node().DefaultChild().({r.pkg(V2)}.CfnStage).AddPropertyOverride("
                f"{r.pkg(JSII)}.String(\"DefaultRouteSettings\"), map[string]interface{{}}{{\n"
                f"{indent}\t\"ThrottlingBurstLimit\": {num_code(burst)},\n"
                f"{indent}\t\"ThrottlingRateLimit\":  {num_code(rate)},\n{indent}}})")
        return r.import_edits() + [common.after_statement(doc, stmt, [call])]

    fixable = bool(site.target) and stmt is not None  # the override needs the API's variable
    yield Gap(line=site.line, column=site.column, end_line=site.end_line,
              resource_type=f"{doc.name_for(site.path)}.HttpApi", resource_name=common.name_of(site),
              message=f"{label} has no throttling limits", fix=fix if fixable else None)
