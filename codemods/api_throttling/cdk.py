"""api_throttling for AWS CDK v2 Python.

- ``apigateway.RestApi`` / ``LambdaRestApi`` / ``SpecRestApi``: the deployment
  stage's limits go in ``deploy_options=apigateway.StageOptions(throttling_rate_limit=...,
  throttling_burst_limit=...)``, merged into an existing ``StageOptions(...)``.
  ``deploy=False`` creates no stage (no finding).
- ``apigateway.Stage``: the same two keyword arguments on the stage itself.
- ``apigateway.CfnStage``: a ``MethodSettingProperty(http_method="*", resource_path="/*", ...)``
  in ``method_settings``, merged into an existing ``*`` / ``/*`` entry.
- ``apigatewayv2.CfnStage``: ``default_route_settings=CfnStage.RouteSettingsProperty(...)``.
- ``apigatewayv2.HttpStage`` / ``WebSocketStage``: ``throttle=ThrottleSettings(rate_limit=..., burst_limit=...)``.
- ``apigatewayv2.HttpApi``: its default stage (``create_default_stage`` not False)
  accepts no throttling props, so the fix is the escape hatch on the stage's L1
  resource, inserted after the API::

      http_api.default_stage.node.default_child.add_property_override(
          "DefaultRouteSettings",
          {"ThrottlingBurstLimit": 200, "ThrottlingRateLimit": 100},
      )

  It keeps the stage's logical id (``create_default_stage=False`` plus a new
  ``HttpStage`` would replace the deployed ``$default`` stage and leave
  ``http_api.url`` undefined). The L2 default stage sets no other
  ``DefaultRouteSettings``, so nothing is overwritten.

A limit given by anything but a number literal (a variable, a parameter, a
``**kwargs`` splat, a non-literal options object) is taken as set: no finding.
A negative limit (-1 disables throttling) is reported as unsafe; its fix
replaces the value.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.core import Gap
from iacfix.transforms.python import file_quote, kwarg

V1 = "aws_cdk.aws_apigateway"
V2_MODULES = ("aws_cdk.aws_apigatewayv2", "aws_cdk.aws_apigatewayv2_alpha")
REST_APIS = [f"{V1}.{n}" for n in ("RestApi", "LambdaRestApi", "SpecRestApi")]

MISSING, OK, DISABLED, UNKNOWN = "missing", "ok", "disabled", "unknown"


def detect(doc, ctx):
    rate, burst = ctx["rate_limit"], ctx["burst_limit"]
    if common.is_cdk_v1(doc):
        return
    yield from _rest_apis(doc, rate, burst)
    for site in doc.calls(f"{V1}.Stage"):
        if not site.has_star_kwargs():
            yield from _check_kwargs(doc, site, site.call, rate, burst, _stage_label(site))
    for site in doc.calls(f"{V1}.CfnStage"):
        yield from _cfn_stage_v1(doc, site, rate, burst)
    for mod in V2_MODULES:
        for site in doc.calls(f"{mod}.CfnStage"):
            yield from _cfn_stage_v2(doc, site, rate, burst)
        for site in doc.calls(f"{mod}.HttpStage", f"{mod}.WebSocketStage"):
            yield from _l2_stage_v2(doc, site, mod, rate, burst)
        for site in doc.calls(f"{mod}.HttpApi"):
            yield from _http_api(doc, site, rate, burst)


# ------------------------------------------------------------------ evaluation
def _status(arg):
    if arg is None:
        return MISSING
    v = common.number(arg.value)
    if v is None:
        return UNKNOWN
    return DISABLED if v < 0 else OK


def _gap(site, label, statuses, fix, resource_type=None):
    """statuses: {"rate": status, "burst": status} with no UNKNOWN and not all OK."""
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
        resource_type=resource_type or site.qualname.replace("aws_cdk.", "", 1),
        resource_name=common.name_of(site),
        message=msg,
        fix=fix,
        unsafe=bool(disabled),
    )


def _limits_fix(doc, call, rate, burst, rate_kw, burst_kw):
    """Edits adding missing limits to ``call`` and replacing negative ones.

    Added in the order the type documents them: rate then burst for the L2
    option structs, burst then rate (alphabetical) for the L1 ``*Property`` structs.
    """
    edits, add = [], []
    order = [(rate_kw, rate), (burst_kw, burst)]
    if doc.code(call.func).endswith("Property"):
        order.reverse()
    for kw, value in order:
        arg = kwarg(call, kw)
        if arg is None:
            add.append((kw, common.num_code(value)))
        elif _status(arg) == DISABLED:
            edits += doc.replace_node(arg.value, common.num_code(value))
    return edits + doc.add_kwargs(call, add)


def _check_kwargs(
    doc,
    site,
    call,
    rate,
    burst,
    label,
    rate_kw="throttling_rate_limit",
    burst_kw="throttling_burst_limit",
    resource_type=None,
):
    statuses = {"rate": _status(kwarg(call, rate_kw)), "burst": _status(kwarg(call, burst_kw))}
    if UNKNOWN in statuses.values() or set(statuses.values()) == {OK}:
        return
    yield _gap(
        site, label, statuses, lambda: _limits_fix(doc, call, rate, burst, rate_kw, burst_kw), resource_type
    )


def _stage_label(site):
    name = common.string(site.kwarg("stage_name").value) if site.kwarg("stage_name") else None
    return f"API stage '{name or common.name_of(site)}'"


# -------------------------------------------------------------------- REST v1
def _rest_apis(doc, rate, burst):
    for site in doc.calls(*REST_APIS):
        if site.has_star_kwargs():
            continue
        deploy = site.kwarg("deploy")
        if deploy is not None and common.boolean(deploy.value) is not True:
            continue  # deploy=False: no stage; anything else: unknown
        opts = site.kwarg("deploy_options")
        if opts is None:
            label = f"API stage 'prod' of REST API '{common.name_of(site)}'"
            statuses = {"rate": MISSING, "burst": MISSING}
            yield _gap(site, label, statuses, lambda site=site: _add_deploy_options(doc, site, rate, burst))
            continue
        call = opts.value
        if not (isinstance(call, cst.Call) and doc.qualified_names(call.func) & {f"{V1}.StageOptions"}):
            continue  # options built elsewhere: unknown
        if any(a.star for a in call.args) or kwarg(call, "method_options") is not None:
            continue
        sn = kwarg(call, "stage_name")
        stage = common.string(sn.value) if sn is not None else "prod"
        label = (
            f"API stage '{stage}' of REST API '{common.name_of(site)}'"
            if stage
            else f"API stage of REST API '{common.name_of(site)}'"
        )
        yield from _check_kwargs(doc, site, call, rate, burst, label)


def _add_deploy_options(doc, site, rate, burst):
    ref, imports = doc.import_name(f"{V1}.StageOptions")
    value = f"{ref}(throttling_rate_limit={common.num_code(rate)}, throttling_burst_limit={common.num_code(burst)})"
    return imports + doc.add_kwargs(site.call, [("deploy_options", value)])


def _cfn_stage_v1(doc, site, rate, burst):
    if site.has_star_kwargs():
        return
    label = _stage_label(site)
    ms = site.kwarg("method_settings")
    q = file_quote(doc)
    prop = f"{doc.source(site.call.func)}.MethodSettingProperty"
    new_entry = (
        f"{prop}(http_method={q}*{q}, resource_path={q}/*{q}, "
        f"throttling_burst_limit={common.num_code(burst)}, throttling_rate_limit={common.num_code(rate)})"
    )
    if ms is None:
        statuses = {"rate": MISSING, "burst": MISSING}
        yield _gap(
            site, label, statuses, lambda: doc.add_kwargs(site.call, [("method_settings", f"[{new_entry}]")])
        )
        return
    if not isinstance(ms.value, cst.List):
        return
    entry = None
    for el in ms.value.elements:
        v = el.value
        if not (
            isinstance(el, cst.Element)
            and isinstance(v, cst.Call)
            and doc.code(v.func).endswith("MethodSettingProperty")
        ) or any(a.star for a in v.args):
            return  # an entry we cannot read
        hm, rp = kwarg(v, "http_method"), kwarg(v, "resource_path")
        hm = common.string(hm.value) if hm is not None else None
        rp = common.string(rp.value) if rp is not None else None
        if hm == "*" and rp == "/*":
            entry = v
    if entry is None:
        statuses = {"rate": MISSING, "burst": MISSING}
        yield _gap(site, label, statuses, lambda: doc.add_list_element(ms.value, new_entry))
        return
    yield from _check_kwargs(doc, site, entry, rate, burst, label)


# --------------------------------------------------------------- HTTP/WS v2
def _cfn_stage_v2(doc, site, rate, burst):
    if site.has_star_kwargs():
        return
    label = _stage_label(site)
    drs = site.kwarg("default_route_settings")
    if drs is None:
        prop = f"{doc.source(site.call.func)}.RouteSettingsProperty"
        value = f"{prop}(throttling_burst_limit={common.num_code(burst)}, throttling_rate_limit={common.num_code(rate)})"
        statuses = {"rate": MISSING, "burst": MISSING}
        yield _gap(
            site, label, statuses, lambda: doc.add_kwargs(site.call, [("default_route_settings", value)])
        )
        return
    v = drs.value
    if (
        isinstance(v, cst.Call)
        and doc.code(v.func).endswith("RouteSettingsProperty")
        and not any(a.star for a in v.args)
    ):
        yield from _check_kwargs(doc, site, v, rate, burst, label)


def _l2_stage_v2(doc, site, mod, rate, burst):
    if site.has_star_kwargs():
        return
    label = _stage_label(site)
    th = site.kwarg("throttle")
    if th is None:

        def fix():
            ref, imports = doc.import_name(f"{mod}.ThrottleSettings")
            value = f"{ref}(rate_limit={common.num_code(rate)}, burst_limit={common.num_code(burst)})"
            return imports + doc.add_kwargs(site.call, [("throttle", value)])

        yield _gap(site, label, {"rate": MISSING, "burst": MISSING}, fix)
        return
    v = th.value
    if (
        isinstance(v, cst.Call)
        and doc.qualified_names(v.func) & {f"{mod}.ThrottleSettings"}
        and not any(a.star for a in v.args)
    ):
        yield from _check_kwargs(doc, site, v, rate, burst, label, "rate_limit", "burst_limit")


def _http_api(doc, site, rate, burst):
    if site.has_star_kwargs():
        return
    cds = site.kwarg("create_default_stage")
    if cds is not None and common.boolean(cds.value) is not True:
        return
    if site.target and _default_stage_overridden(doc, site.target):
        return
    label = f"Default stage of HTTP API '{common.name_of(site)}'"

    def fix():
        q = file_quote(doc)
        func = f"{site.target}.default_stage.node.default_child.add_property_override"
        args = [
            f"{q}DefaultRouteSettings{q}",
            f"{{{q}ThrottlingBurstLimit{q}: {common.num_code(burst)}, "
            f"{q}ThrottlingRateLimit{q}: {common.num_code(rate)}}}",
        ]
        indent = doc.statement_indent(site.statement)
        return doc.insert_after_statement(site.statement, doc.render_call("", func, args, indent=indent))

    fixable = bool(site.target) and common.own_statement(doc, site)  # the override needs the API's variable
    yield _gap(site, label, {"rate": MISSING, "burst": MISSING}, fix if fixable else None)


def _default_stage_overridden(doc, target):
    """Is the default stage's DefaultRouteSettings set through an escape hatch?"""
    child = f"{target}.default_stage.node.default_child"
    aliases = {child}
    for n in doc.nodes:  # cfn_stage = http_api.default_stage.node.default_child
        if isinstance(n, cst.Assign) and _norm(doc, n.value).endswith(child):
            aliases.update(_norm(doc, t.target) for t in n.targets)
    for call in common.method_calls(doc, "add_property_override"):
        if _norm(doc, call.func.value) in aliases and call.args:
            path = common.string(call.args[0].value) or ""
            if path.startswith("DefaultRouteSettings"):
                return True
    for n in doc.nodes:
        if isinstance(n, cst.Assign):
            for t in n.targets:
                tt = t.target
                if (
                    isinstance(tt, cst.Attribute)
                    and tt.attr.value == "default_route_settings"
                    and _norm(doc, tt.value) in aliases
                ):
                    return True
    return False


def _norm(doc, node):
    code = re.sub(r"\s+", "", doc.code(node))
    m = re.fullmatch(r"(?:typing\.)?cast\([^,]+,(.*)\)", code)  # cast(CfnStage, x)
    return m.group(1) if m else code
