"""api-throttling for Pulumi Python.

- ``apigatewayv2.Stage`` (HTTP/WebSocket): ``default_route_settings`` carries
  ``throttling_burst_limit``/``throttling_rate_limit``, as a
  ``StageDefaultRouteSettingsArgs(...)`` or a dict literal (merged into either).
- ``apigateway.Stage`` (REST): an ``apigateway.MethodSettings`` for that stage
  with ``method_path="*/*"`` carries the limits in ``settings``; when there is
  none, one is added right after the stage.
- ``apigatewayv2.Api(target=..., route_key=...)`` (quick create): API Gateway makes its
  ``$default`` stage itself, with no limits and no way to give it any: reported, saying to
  declare the stage, route and integration instead.

Limits set from something unknown (a variable, ``**kwargs``) count as set; a
limit of -1 (throttling disabled) is reported as unsafe.
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.core import FixError, Gap
from iacfix.transforms import python as py

LIMITS = ("throttling_burst_limit", "throttling_rate_limit")
CAMEL = {"throttling_burst_limit": "throttlingBurstLimit", "throttling_rate_limit": "throttlingRateLimit"}
DISABLED = -1


def detect(doc, ctx):
    for api in pc.quick_created_apis(doc):
        yield pc.quick_create_gap(api, "throttling limits", "quick-create")
    yield from _http_stages(doc, ctx)
    yield from _rest_stages(doc, ctx)


def _wanted(ctx):
    return {"throttling_burst_limit": ctx["burst_limit"], "throttling_rate_limit": ctx["rate_limit"]}


def _settings_state(doc, node):
    """For a settings value (Args call or dict literal): (missing limits, disabled limit nodes), or None if unknown."""
    missing, disabled = [], []
    if isinstance(node, cst.Call):
        if pc.has_splat(node):
            return None
        for k in LIMITS:
            v = pc.kw_value(node, k)
            if v is None:
                missing.append(k)
            elif pc.literal(v) == DISABLED:
                disabled.append(v)
        return missing, disabled
    if isinstance(node, cst.Dict):
        keys = pc.dict_keys(doc, node)
        if keys is None:
            return None
        for k in LIMITS:
            el = pc.dict_get(node, k) or pc.dict_get(node, CAMEL[k])
            if el is None:
                if k not in keys and CAMEL[k] not in keys:
                    missing.append(k)
            elif pc.literal(el.value) == DISABLED:
                disabled.append(el.value)
        return missing, disabled
    return None


def _merge(doc, ctx, node, missing, disabled):
    """Edits adding the missing limits to a settings value and replacing disabled ones."""
    want = _wanted(ctx)
    edits = []
    for v in disabled:
        # which limit is it? the keyword or dict key right before it
        parent = doc.parent(v)
        k = parent.keyword.value if isinstance(parent, cst.Arg) else pc.string_key(parent.key)
        k = {c: s for s, c in CAMEL.items()}.get(k, k)
        edits += doc.replace_node(v, str(want[k]))
    if missing:
        if isinstance(node, cst.Call):
            edits += doc.add_kwargs(node, [(k, py.Code(str(want[k]))) for k in missing], before=pc.LAST)
        else:
            like = next((el.key for el in node.elements if isinstance(el, cst.DictElement)), None)
            edits += doc.add_dict_entries(node, [(py.str_code(doc, k, like), py.Code(str(want[k]))) for k in missing])
    return edits


def _message(what, missing, disabled):
    if disabled:
        return f"API stage '{what}' has throttling disabled (limit -1)"
    if len(missing) == 2:
        return f"API stage '{what}' has no throttling limits"
    return f"API stage '{what}' has no {missing[0].replace('throttling_', '').replace('_', ' ')}"


def _http_stages(doc, ctx):
    for st in pc.aws_calls(doc, "apigatewayv2.Stage"):
        if pc.has_splat(st):
            continue
        drs = pc.kw_value(st, "default_route_settings")
        if drs is None:
            missing, disabled = list(LIMITS), []
        else:
            state = _settings_state(doc, drs)
            if state is None:
                continue
            missing, disabled = state
        if not missing and not disabled:
            continue
        yield Gap(
            **pc.where(st),
            resource_type=pc.rtype(st),
            resource_name=pc.label(st),
            message=_message(pc.display(st), missing, disabled),
            fix=(lambda st=st, drs=drs, mi=missing, di=disabled: _fix_http(doc, ctx, st, drs, mi, di)),
            unsafe=bool(disabled),
            detail="throttling",
        )


def _fix_http(doc, ctx, st, drs, missing, disabled):
    if drs is not None:
        return _merge(doc, ctx, drs, missing, disabled)
    cls, edits = pc.aws_name(doc, "apigatewayv2.StageDefaultRouteSettingsArgs")
    want = _wanted(ctx)
    value = py.Call(cls, [(k, py.Code(str(want[k]))) for k in LIMITS])
    return py.dedupe(edits + doc.add_kwargs(pc.props_call(st), [("default_route_settings", value)], before=pc.LAST))


def _stage_refs(doc, stage):
    """Expressions that name this REST stage's stage name in a MethodSettings."""
    out = set()
    if pc.var(stage):
        out.add(f"{pc.var(stage)}.stage_name")
    v = pc.kw_value(stage, "stage_name")
    if v is not None:
        out.add(doc.code(v))
    return out


def _rest_stages(doc, ctx):
    settings = pc.aws_calls(doc, "apigateway.MethodSettings")
    for st in pc.aws_calls(doc, "apigateway.Stage"):
        if pc.has_splat(st):
            continue
        refs = _stage_refs(doc, st)
        mine = [
            ms for ms in settings
            if (v := pc.kw_value(ms, "stage_name")) is not None and (doc.code(v) in refs or refs & pc.references(doc, v))
        ]
        if any(pc.has_splat(ms) for ms in mine):
            continue
        paths = [pc.literal(pc.kw_value(ms, "method_path")) for ms in mine]
        if any(p is pc.UNKNOWN for p in paths):
            continue  # a method path we cannot read: it may be */*
        star = [ms for ms, p in zip(mine, paths) if p == "*/*"]
        if not star:
            yield Gap(
                **pc.where(st),
                resource_type=pc.rtype(st),
                resource_name=pc.label(st),
                message=f"API stage '{pc.display(st)}' has no throttling limits",
                fix=(lambda st=st: _fix_rest(doc, ctx, st)) if pc.var(st) and pc.standalone(st) else None,
                detail="throttling",
            )
            continue
        ms = star[0]
        s = pc.kw_value(ms, "settings")
        state = (list(LIMITS), []) if s is None else _settings_state(doc, s)
        if state is None or state == ([], []):
            continue
        missing, disabled = state
        yield Gap(
            **pc.where(ms),
            resource_type=pc.rtype(ms),
            resource_name=pc.label(ms),
            message=_message(pc.display(st), missing, disabled),
            fix=(lambda ms=ms, s=s, mi=missing, di=disabled: _fix_settings(doc, ctx, ms, s, mi, di)),
            unsafe=bool(disabled),
            detail="throttling",
        )


def _settings_value(doc, ctx):
    cls, edits = pc.aws_name(doc, "apigateway.MethodSettingsSettingsArgs")
    want = _wanted(ctx)
    return py.Call(cls, [(k, py.Code(str(want[k]))) for k in LIMITS]), edits


def _fix_settings(doc, ctx, ms, s, missing, disabled):
    if s is not None:
        return _merge(doc, ctx, s, missing, disabled)
    value, edits = _settings_value(doc, ctx)
    return py.dedupe(edits + doc.add_kwargs(pc.props_call(ms), [("settings", value)], before=pc.LAST))


def _fix_rest(doc, ctx, st):
    if not pc.var(st):
        raise FixError(f"API stage '{pc.display(st)}' is not assigned to a variable the method settings can refer to")
    stmt = pc.statement(st)
    cls, edits = pc.aws_name(doc, "apigateway.MethodSettings")
    value, more = _settings_value(doc, ctx)
    args = [
        (None, py.Code(pc.derive_name(doc, pc.name_node(st), "method-settings"))),
        ("rest_api", py.Code(f"{pc.var(st)}.rest_api")),
        ("stage_name", py.Code(f"{pc.var(st)}.stage_name")),
        ("method_path", py.Code(py.str_code(doc, "*/*", pc.name_node(st)))),
        ("settings", value),
    ]
    opts = pc.opts_for_new(doc, st)
    if opts is not None:
        args.append(("opts", opts))
    var = pc.derive_var(doc, pc.var(st), "method_settings", "method_settings")
    code = pc.statement_code(doc, st, var, cls, args)
    return py.dedupe(edits + more + doc.insert_after_statement(stmt, code, blank_line=None))
