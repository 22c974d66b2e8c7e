"""Declarative "required properties" detectors for Pulumi Python (pulumi_aws).

A codemod states what a resource must carry and gets a detector::

    detect = required(
        "kms.Key",
        {"enable_key_rotation": Exactly(True, "key rotation")},
        what="KMS key",
        detail="kms-key-rotation",
        when=lambda doc, site, ctx: ...,   # per-resource exceptions
    )

Requirements (keyed by the keyword argument of the resource, or of an ``XxxArgs``
/ dict inside it):

- ``Exactly(value)``: missing → added (safe); an explicit different literal →
  reported as unsafe (the fix replaces it); anything the detector cannot read
  (a variable, a call, an f-string) → no finding.
- ``Explicit(value)``: missing → added; any explicit value is fine, except the
  literals listed in ``unsafe`` (reported as unsafe, replaced).
- ``Struct(cls, fields)``: a nested ``module.XxxArgs(...)`` or dict literal;
  missing → ``aws.module.XxxArgs(field=...)`` added; present → its missing
  fields are added to the existing call/dict (in its layout, dict keys in its
  snake/camel case and quotes) and its fields checked recursively.
- ``Entry(cls, key, value, fields)``: an entry of a list literal identified by a
  key field (``settings=[ClusterSettingArgs(name="containerInsights", value=...)]``);
  appended (in the style of the other entries: Args call or dict) when missing,
  its fields checked when present. An entry whose key cannot be read makes the
  list unknown.

Values are Python literals (bool, int, str, list of those), ``Param(name)`` (taken
from ``ctx.params``; a requirement whose parameter is empty or None is dropped:
nothing to write) or ``Code(fn)`` (``fn(doc, site, ctx)`` returns the expression's
code, or a Python literal written in the file's style, or None when it cannot be
written). ``Exactly``/``Explicit`` take ``when(doc, site, ctx)``: whether the
requirement applies to the resource; ``Explicit(minimum=...)`` (an int or a
``Param``) reports an explicit int literal below it as unsafe. A resource with ``**kwargs`` or
properties passed through something unreadable is unknown: no finding.

One Gap per resource (key: its variable/name and ``detail``); the fix adds every
missing property at once. A resource with any explicit wrong value gets an unsafe
Gap (its fix, run only with --unsafe-fixes, also adds what is missing).
``required(..., unsafe=True)`` makes every Gap of the detector unsafe, missing
properties included: for settings that cannot change in place (enabling storage
encryption replaces the database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import libcst as cst

from iacfix.codemods.common.properties import Code, Param  # noqa: F401 - re-exported to the codemods
from iacfix.codemods.common import pulumi as pc
from iacfix.core import Edit, FixError, Gap, apply_edits
from iacfix.transforms import python as py
from iacfix.transforms.python import parse


# ------------------------------------------------------------------- spec
Value = Union[bool, int, str, list, Param, Code]


@dataclass(frozen=True)
class Exactly:
    value: Value
    label: str = ""  # how a message names the property ("key rotation")
    also: Tuple[Any, ...] = ()  # other literals that are just as good ("enhanced")
    off: str = ""  # how a message says the value is wrong (default: "has <label> disabled")
    when: Optional[Callable] = None  # (doc, site, ctx) → whether the requirement applies to this resource


@dataclass(frozen=True)
class Explicit:
    value: Value
    label: str = ""
    unsafe: Tuple[Any, ...] = ()  # explicit literals that are reported as unsafe (retention 0 = forever)
    off: str = ""
    when: Optional[Callable] = None  # (doc, site, ctx) → whether the requirement applies to this resource
    minimum: Union[int, Param, None] = None  # an explicit int literal below it is unsafe (backup retention 1 < 7)


@dataclass(frozen=True)
class Struct:
    cls: str  # "dynamodb.TablePointInTimeRecoveryArgs"
    fields: Dict[str, Any]
    label: str = ""


@dataclass(frozen=True)
class Entry:
    cls: str  # "ecs.ClusterSettingArgs"
    key: str  # "name"
    key_value: str  # "containerInsights"
    fields: Dict[str, Any] = field(default_factory=dict)
    label: str = ""


Req = Union[Exactly, Explicit, Struct, Entry]

# Where added keyword arguments go, so that codemods compose in any order: every
# keyword a codemod adds to an existing resource has its place in this order, and
# is inserted before the trailing run of arguments that come after it (the
# dead-letter-queue codemod's redrive_policy/dead_letter_config, then tags, then
# opts, always go last). Applying the codemods one by one, in any order, or all at
# once then writes the same arguments in the same order.
ORDER = (
    "enable_key_rotation",
    "point_in_time_recovery",
    "sqs_managed_sse_enabled",
    "kms_master_key_id",
    "settings",
    "encrypted",
    "timeout",
    "memory_size",
    "reserved_concurrent_executions",
    "tracing_config",
    "retention_in_days",
    "xray_tracing_enabled",
    "access_log_settings",
    "encryption_type",
    "kms_key_id",
    "retention_period",
    "shard_level_metrics",
    "deletion_protection",
    "backup_retention_period",
    "storage_encrypted",
    "enabled_cloudwatch_logs_exports",
    "copy_tags_to_snapshot",
    "auto_minor_version_upgrade",
    "at_rest_encryption_enabled",
    "transit_encryption_enabled",
    "multi_az_enabled",
    "automatic_failover_enabled",
    "snapshot_retention_limit",
)
LAST = ("redrive_policy", "dead_letter_config", "tags", "opts")


def _rank(name: str) -> int:
    return ORDER.index(name) if name in ORDER else len(ORDER)


def _before(names: Sequence[str]) -> Tuple[str, ...]:
    """The keywords that stay after all of ``names`` when they are added."""
    first = min(_rank(n) for n in names)
    return tuple(ORDER[first + 1:]) + LAST


# ------------------------------------------------------------ findings
@dataclass
class Missing:
    """A requirement to add to ``node`` (a resource/Args call, a dict, or a list for an Entry)."""

    node: cst.CSTNode
    name: str
    req: Req


@dataclass
class Wrong:
    """An explicit literal to replace."""

    node: cst.BaseExpression
    name: str
    req: Req


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def required(classes: Union[str, Sequence[str]], props: Dict[str, Req], *, what: str, detail: str,
             when: Optional[Callable] = None, unsafe: bool = False):
    """A detector for resources of ``classes`` (``module.Class`` under pulumi_aws) that must carry ``props``.

    ``when(doc, site, ctx)`` → False skips a resource (e.g. asymmetric KMS keys).
    Messages: "<what> '<name>' has no <labels of what is missing>", and for explicit
    wrong values "<what> '<name>' has <label> disabled (<code>)" (or the requirement's ``off``).
    ``unsafe=True``: every Gap is unsafe (its fix only runs with --unsafe-fixes)."""
    classes = (classes,) if isinstance(classes, str) else tuple(classes)

    def detect(doc, ctx):
        for site in pc.aws_calls(doc, *classes):
            if pc.has_splat(site) or (when is not None and not when(doc, site, ctx)):
                continue
            reqs = {k: _bind(r, ctx) for k, r in props.items() if _applies(doc, site, ctx, r)}
            missing, wrong = [], []
            _check_call(doc, pc.props_call(site), reqs, missing, wrong)
            if not missing and not wrong:
                continue
            yield Gap(
                **pc.where(site),
                resource_type=pc.rtype(site),
                resource_name=pc.label(site),
                message=_message(doc, what, pc.display(site), missing, wrong),
                fix=lambda site=site, mi=missing, wr=wrong: _fix(doc, ctx, site, mi, wr),
                unsafe=unsafe or bool(wrong),
                detail=detail,
            )

    return detect


def _applies(doc, site, ctx, req) -> bool:
    if isinstance(req, (Exactly, Explicit)) and req.when is not None and not req.when(doc, site, ctx):
        return False
    if isinstance(req, (Exactly, Explicit)):
        v = req.value
        if isinstance(v, Param):
            return ctx.params.get(v.name) not in (None, "", [])
        if isinstance(v, Code):
            return v.fn(doc, site, ctx) is not None
    return True


def _bind(req: Req, ctx) -> Req:
    """``req`` with a ``Param`` minimum resolved from ``ctx.params``."""
    if isinstance(req, Explicit) and isinstance(req.minimum, Param):
        value = ctx.params.get(req.minimum.name)
        return replace(req, minimum=value if isinstance(value, int) and not isinstance(value, bool) else None)
    return req


def _label(name: str, req: Req) -> str:
    return req.label or name.replace("_", " ")


def _message(doc, what, name, missing, wrong) -> str:
    """"<what> '<name>' has <label> disabled (<code>) and has no <labels>"."""
    parts = []
    for w in wrong:
        off = getattr(w.req, "off", "") or f"has {_label(w.name, w.req)} disabled"
        parts.append(f"{off} ({w.name}={doc.code(w.node)})")
    if missing:
        labels = [_label(m.name, m.req) for m in missing]
        text = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        parts.append(f"has no {text}")
    return f"{what} '{name}' " + " and ".join(parts)


# ---------------------------------------------------------------- check
def _check_call(doc, call: cst.Call, reqs, missing, wrong) -> None:
    """Check the keyword arguments of ``call`` (a resource or an Args call) against ``reqs``."""
    for name, req in reqs.items():
        arg = next((a for a in call.args if a.keyword is not None and a.keyword.value == name), None)
        if arg is None:
            missing.append(Missing(call, name, req))
        else:
            _check_value(doc, arg.value, name, req, missing, wrong)


def _check_dict(doc, d: cst.Dict, reqs, missing, wrong) -> None:
    keys = pc.dict_keys(doc, d)
    if keys is None:
        return  # an unknown spread: any field may be in it
    for name, req in reqs.items():
        el = pc.dict_get(d, name) or pc.dict_get(d, camel(name))
        if el is None:
            if name not in keys and camel(name) not in keys:  # (keys of a spread dict count as set)
                missing.append(Missing(d, name, req))
        else:
            _check_value(doc, el.value, name, req, missing, wrong)


def _check_value(doc, node, name, req, missing, wrong) -> None:
    if isinstance(req, Exactly):
        v = pc.literal(node)
        if v is pc.UNKNOWN or isinstance(req.value, (Param, Code)):
            return
        if not _same(v, req.value) and not any(_same(v, a) for a in req.also):
            wrong.append(Wrong(node, name, req))
    elif isinstance(req, Explicit):
        v = pc.literal(node)
        if v is not pc.UNKNOWN and (any(_same(v, u) for u in req.unsafe) or _below(v, req.minimum)):
            wrong.append(Wrong(node, name, req))
    elif isinstance(req, Struct):
        if isinstance(node, cst.Call) and not pc.has_splat(node) and doc.code(node.func).endswith("Args"):
            _check_call(doc, node, req.fields, missing, wrong)
        elif isinstance(node, cst.Dict):
            _check_dict(doc, node, req.fields, missing, wrong)
    elif isinstance(req, Entry):
        if not isinstance(node, cst.List):
            return
        found = None
        for el in node.elements:
            item = el.value
            if isinstance(el, cst.StarredElement):
                return
            k = _entry_key(doc, item, req.key)
            if k is pc.UNKNOWN:
                return
            if k == req.key_value:
                found = item
        if found is None:
            missing.append(Missing(node, name, req))
        elif isinstance(found, cst.Call):
            _check_call(doc, found, req.fields, missing, wrong)
        else:
            _check_dict(doc, found, req.fields, missing, wrong)


def _entry_key(doc, item, key: str):
    """The literal key field of a list entry (Args call or dict), else UNKNOWN."""
    if isinstance(item, cst.Call) and not pc.has_splat(item):
        return pc.literal(pc.kw_value(item, key))
    if isinstance(item, cst.Dict):
        el = pc.dict_get(item, key) or pc.dict_get(item, camel(key))
        return pc.literal(el.value) if el is not None else pc.UNKNOWN
    return pc.UNKNOWN


def _below(v, minimum) -> bool:
    return isinstance(minimum, int) and type(v) is int and v < minimum


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b


# ------------------------------------------------------------------ fix
def _code(doc, site, ctx, value, like=None) -> Tuple[py.Node, List[Edit]]:
    """A requirement value as a renderable node (plus import edits)."""
    if isinstance(value, Param):
        value = ctx.params[value.name]
    if isinstance(value, Code):
        code = value.fn(doc, site, ctx)
        if not isinstance(code, str):  # a literal to write in the file's style
            return _code(doc, site, ctx, code, like)
        return py.Code(code), []
    if isinstance(value, bool):
        return py.Code(str(value)), []
    if isinstance(value, (int, float)):
        return py.Code(str(value)), []
    if isinstance(value, str):
        return py.Code(py.str_code(doc, value, like)), []
    if isinstance(value, (list, tuple)):
        items = [_code(doc, site, ctx, v, like)[0] for v in value]
        return py.List(items), []
    raise TypeError(f"cannot write {value!r}")


def _new_value(doc, site, ctx, req, like=None) -> Tuple[py.Node, List[Edit]]:
    """The whole value of a missing property."""
    if isinstance(req, (Exactly, Explicit)):
        return _code(doc, site, ctx, req.value, like)
    if isinstance(req, Struct):
        cls, edits = pc.aws_name(doc, req.cls)
        args = []
        for k, r in req.fields.items():
            v, more = _new_value(doc, site, ctx, r)
            args.append((k, v))
            edits += more
        return py.Call(cls, args), edits
    entry, edits = _new_entry(doc, site, ctx, req, None)
    return py.List([entry]), edits


def _new_entry(doc, site, ctx, req: Entry, like: Optional[cst.CSTNode]) -> Tuple[py.Node, List[Edit]]:
    """A new list entry, as a dict when ``like`` (an existing entry) is one, else an Args call."""
    fields = [(req.key, req.key_value)] + [(k, r.value) for k, r in req.fields.items()]
    if isinstance(like, cst.Dict):
        key_like = next((el.key for el in like.elements if isinstance(el, cst.DictElement)), None)
        is_camel = _camel_keys(like)
        items = []
        for k, v in fields:
            items.append((py.str_code(doc, camel(k) if is_camel else k, key_like), _code(doc, site, ctx, v, key_like)[0]))
        return py.Dict(items), []
    cls, edits = pc.aws_name(doc, req.cls)
    return py.Call(cls, [(k, _code(doc, site, ctx, v)[0]) for k, v in fields]), edits


def _fix(doc, ctx, site, missing: List[Missing], wrong: List[Wrong]) -> List[Edit]:
    imports: List[Edit] = []
    changes: List[Tuple[cst.CSTNode, List[Edit]]] = []  # (node, edits within it)
    for w in wrong:
        like = w.node if isinstance(w.node, cst.SimpleString) else None
        v, more = _new_value(doc, site, ctx, w.req, like)
        imports += more
        changes.append((w.node, doc.replace_node(w.node, py.flat(v))))
    # what is missing, grouped by the node it goes into (in the order of the spec)
    groups: Dict[int, Tuple[cst.CSTNode, List[Missing]]] = {}
    for mi in missing:
        groups.setdefault(id(mi.node), (mi.node, []))[1].append(mi)
    outer_call = pc.props_call(site)
    outer_items: List[Missing] = []
    for node, items in groups.values():
        if node is outer_call:
            outer_items = items
        else:
            changes.append((node, _add(doc, site, ctx, node, items, imports)))
    inner = [e for _, edits in changes for e in edits]
    if _overlap(inner):
        raise FixError(f"cannot make these changes to '{pc.display(site)}' at once; add them by hand")
    if not outer_items:
        return py.dedupe(imports + inner)
    outer = _add(doc, site, ctx, outer_call, outer_items, imports)
    if not inner:
        return py.dedupe(imports + outer)
    # Nested changes first (they may lay the call out anew), then the new arguments in the
    # result: one edit replacing the resource call.
    start, end = doc.start(site.call), doc.end(site.call)
    if any(e.start < start or e.end > end for e in inner):
        raise FixError(f"cannot make these changes to '{pc.display(site)}' at once; add them by hand")
    text1 = apply_edits(doc.text, inner)
    doc1 = parse(text1, doc.language)
    site1 = next(s for s in doc1.calls(site.qualname) if doc1.start(s.call) == start)
    text2 = apply_edits(text1, _add(doc1, site1, ctx, pc.props_call(site1), outer_items, []))
    tail = len(doc.text) - end
    return py.dedupe(imports + [Edit(start, end, text2[start:len(text2) - tail])])


def _overlap(edits: Sequence[Edit]) -> bool:
    spans = sorted((e.start, e.end) for e in edits)
    return any(b[0] < a[1] or a == b for a, b in pairwise(spans))


def _camel_keys(d: cst.Dict) -> bool:
    """Whether a dict of properties spells its keys in camelCase (``{"pointInTimeRecovery": ...}``)."""
    return any(re.search(r"[a-z][A-Z]", pc.string_key(el.key) or "")
               for el in d.elements if isinstance(el, cst.DictElement))


def _add(doc, site, ctx, node, items: List[Missing], imports: List[Edit]) -> List[Edit]:
    """Edits adding ``items`` to ``node`` (import edits go to ``imports``)."""
    if isinstance(node, cst.Call):
        kwargs = []
        for mi in sorted(items, key=lambda mi: _rank(mi.name)):
            v, more = _new_value(doc, site, ctx, mi.req)
            imports += more
            kwargs.append((mi.name, v))
        return doc.add_kwargs(node, kwargs, before=_before([k for k, _ in kwargs]))
    if isinstance(node, cst.Dict):
        like = next((el.key for el in node.elements if isinstance(el, cst.DictElement)), None)
        camel_keys = _camel_keys(node)
        entries = []
        for mi in items:
            v, more = _new_value(doc, site, ctx, mi.req, like)
            imports += more
            entries.append((py.str_code(doc, camel(mi.name) if camel_keys else mi.name, like), v))
        return doc.add_dict_entries(node, entries)
    # a list missing its keyed entry
    out = []
    for mi in items:
        like = node.elements[0].value if node.elements else None
        entry, more = _new_entry(doc, site, ctx, mi.req, like)
        imports += more
        if node.elements:
            out += doc.add_list_element(node, py.flat(entry))
        else:  # [] → [entry], opened black style when the line gets too long
            r = doc.range(node)
            line = doc.lines.line_text(r.start.line)
            indent = doc.lines.indent_of(r.start.line)
            code = py.render(py.List([entry]), indent, r.start.column, len(line) - r.end.column, doc.layout())
            out += doc.replace_node(node, code)
    return out
