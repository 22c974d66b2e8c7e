"""api_throttling for Terraform: API Gateway stages get a rate and burst limit.

- HTTP/WebSocket stages (``aws_apigatewayv2_stage``): a ``default_route_settings``
  block with ``throttling_burst_limit``/``throttling_rate_limit``, merged into an
  existing block.
- REST stages (``aws_api_gateway_stage``): an ``aws_api_gateway_method_settings``
  with ``method_path = "*/*"`` and a ``settings`` block with the limits, added
  right after the stage; merged into an existing ``*/*`` method settings resource
  of that stage (``stage_name`` referring to the stage, or equal to its literal
  ``stage_name``).
A limit from a variable or any non-literal expression is unknown: no finding.
A method settings resource whose stage or method path cannot be read makes the
REST stages it may belong to unknown. A limit of 0 or -1 (everything rejected /
throttling disabled) is an unsafe finding.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform import (
    counted, gap, label_for, quick_create_gap, quick_created_apis, served_by,
)
from iacfix.transforms.terraform import (
    UNKNOWN,
    TfDoc,
    insert_after_block,
    insert_into_block,
    literal,
    references,
    render_block,
    replace_values,
    string_value,
)

BURST = "throttling_burst_limit"
RATE = "throttling_rate_limit"


def detect(doc: TfDoc, ctx):
    rate, burst = int(ctx["rate_limit"]), int(ctx["burst_limit"])
    for api in quick_created_apis(doc):
        yield quick_create_gap(api, "throttling limits", "quick-create")
    for stage in doc.resources("aws_apigatewayv2_stage"):
        label = string_value(stage.attr("name").value) if stage.attr("name") else None
        label = label or stage.labels[1]
        settings = stage.block("default_route_settings")
        if settings is None:
            if stage.block("dynamic") is not None and _dynamic(stage, "default_route_settings"):
                continue
            items = [("", render_block("default_route_settings", [], [(BURST, str(burst)), (RATE, str(rate))], doc.unit))]
            yield gap(stage, f"API stage '{label}' has no throttling limits",
                      fix=lambda stage=stage, items=items: insert_into_block(doc, stage, items, kind="block"))
            continue
        yield from _report(doc, stage, label, settings, rate, burst)

    stages = doc.resources("aws_api_gateway_stage")
    if not stages:
        return
    by_stage, unknown = _method_settings(doc, stages)
    if unknown:
        return
    for stage in stages:
        name = stage.labels[1]
        label = string_value(stage.attr("stage_name").value) if stage.attr("stage_name") else None
        label = label or name
        entry = by_stage.get(name)
        if entry is False:
            continue
        if entry is None:
            msg = f"API stage '{label}' has no throttling limits"
            if counted(stage):
                yield gap(stage, msg + " (count/for_each: add method settings by hand)")
                continue
            yield gap(stage, msg, fix=_new_method_settings(doc, stage, rate, burst))
            continue
        settings = entry.block("settings")
        if settings is None:
            if _dynamic(entry, "settings"):
                continue
            items = [("", render_block("settings", [], [(BURST, str(burst)), (RATE, str(rate))], doc.unit))]
            yield gap(stage, f"API stage '{label}' has no throttling limits",
                      fix=lambda entry=entry, items=items: insert_into_block(doc, entry, items, kind="block"))
            continue
        yield from _report(doc, stage, label, settings, rate, burst)


def _dynamic(block, name: str) -> bool:
    return any(d.labels and d.labels[0] == name for d in block.blocks("dynamic"))


def _method_settings(doc: TfDoc, stages):
    """stage label → its '*/*' method settings block (False: unknown). Second value: True when
    some method settings cannot be tied to a stage (then every REST stage is unknown)."""
    literal_names = {}
    for s in stages:
        a = s.attr("stage_name")
        v = string_value(a.value) if a else None
        if v is not None:
            literal_names.setdefault(v, []).append(s.labels[1])
    out = {}
    for ms in doc.resources("aws_api_gateway_method_settings"):
        a = ms.attr("stage_name")
        if a is None:
            continue
        targets = {n for t, n in references(a.value) if t == "aws_api_gateway_stage"}
        if not targets:
            v = string_value(a.value)
            if v is None or v not in literal_names:
                return out, True
            targets = set(literal_names[v])
        path = ms.attr("method_path")
        path_value = literal(path.value) if path else None
        for t in targets:
            if path_value is UNKNOWN or counted(ms):
                out[t] = False
            elif path_value == "*/*" and out.get(t) is not False:
                out[t] = ms
    return out, False


def _report(doc: TfDoc, stage, label: str, settings, rate: int, burst: int):
    missing, disabled = [], []
    for key, want in ((BURST, burst), (RATE, rate)):
        a = settings.attr(key)
        if a is None:
            missing.append((key, str(want)))
            continue
        v = literal(a.value)
        if v is None:
            missing.append((key, str(want)))
        elif isinstance(v, (int, float)) and not isinstance(v, bool) and v <= 0:
            disabled.append((a, str(want), v))
    if missing:
        what = "throttling limits" if len(missing) == 2 else ("rate limit" if missing[0][0] == RATE else "burst limit")

        def fix():
            # `= null` gets its value replaced; an absent argument is added
            edits = replace_values(doc, [(settings.attr(k).value, v) for k, v in missing if settings.attr(k)])
            absent = [(k, v) for k, v in missing if not settings.attr(k)]
            return edits + (insert_into_block(doc, settings, absent) if absent else [])

        yield gap(stage, f"API stage '{label}' has no {what}", fix=fix)
    if disabled:
        yield gap(stage, f"API stage '{label}' disables throttling ({disabled[0][0].name} = {disabled[0][2]})",
                  fix=lambda: replace_values(doc, [(a.value, v) for a, v, _ in disabled]),
                  unsafe=True, detail="disabled")


def _new_method_settings(doc: TfDoc, stage, rate: int, burst: int):
    def fix():
        name = stage.labels[1]
        ref = f"aws_api_gateway_stage.{name}"
        label = label_for(doc, "aws_api_gateway_method_settings", name, "")
        settings = render_block("settings", [], [(BURST, str(burst)), (RATE, str(rate))], doc.unit)
        text = render_block("resource", ["aws_api_gateway_method_settings", label], served_by(doc, stage, "aws_api_gateway_method_settings", [
            ("rest_api_id", f"{ref}.rest_api_id"),
            ("stage_name", f"{ref}.stage_name"),
            ("method_path", '"*/*"'),
            ("", settings),
        ]), doc.unit)
        return [insert_after_block(doc, stage, text)]

    return fix
