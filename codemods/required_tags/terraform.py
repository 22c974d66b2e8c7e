"""required_tags for Terraform: every taggable resource carries the configured tags.

Taggable types: ``codemods/data/tf_taggable.txt`` (every AWS resource type whose
``tags`` argument is an optional map of strings in the provider schema).

Tags present are read from ``tags = { ... }``, ``merge(...)`` of object literals and
``local.<name>`` values defined in a ``locals`` block of the file, plus the
``default_tags`` of the resource's ``provider "aws"`` block **in the same file**
(a provider configured in another file of the module is not seen). Tags given by
anything else (a variable, another function call, a ``for`` expression) are
unknown: no finding.

Fixes: missing keys are added after the existing ones of the literal map (the last
literal map argument of ``merge``; a new ``{...}`` argument when there is none; a
``local.x`` value becomes ``merge(local.x, {...})``), in the map's style; a resource
without ``tags`` gets a ``tags = { ... }`` argument at the end of its body (before
``depends_on``/``lifecycle``). ``{environment_suffix}`` renders as
``var.environment_suffix`` (or environment/env/stage); when the file has no such
variable, the tags needing it are reported in a separate finding without a fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from iacfix.codemods.common.terraform import env_var, gap
from iacfix.core import Edit, FixError
from iacfix.transforms.terraform import (
    UNKNOWN,
    TfDoc,
    add_call_argument,
    add_object_items,
    becomes_multiline,
    function_call,
    insert_into_block,
    is_object,
    object_items,
    quote,
    render_items,
    render_key,
    span,
    string_value,
    traversal,
    unwrap,
)

TOOL = "terraform"
_DATA = Path(__file__).resolve().parent.parent / "data" / "tf_taggable.txt"
_TAGGABLE: Optional[frozenset] = None


def taggable() -> frozenset:
    global _TAGGABLE
    if _TAGGABLE is None:
        lines = _DATA.read_text(encoding="utf-8").splitlines()
        _TAGGABLE = frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))
    return _TAGGABLE


def _locals(doc: TfDoc) -> dict:
    out = {}
    for b in doc.blocks_of("locals"):
        for name, a in b.attrs.items():
            out.setdefault(name, a.value)
    return out


def tag_keys(doc: TfDoc, node, local_values: dict, depth: int = 0):
    """The set of keys an expression gives, or UNKNOWN."""
    if depth > 8:
        return UNKNOWN
    items = object_items(node)
    if items is not None:
        if any(it.key is None for it in items):
            return UNKNOWN
        return {it.key for it in items}
    call = function_call(node)
    if call is not None and call[0] == "merge":
        keys = set()
        for arg in call[1]:
            k = tag_keys(doc, arg, local_values, depth + 1)
            if k is UNKNOWN:
                return UNKNOWN
            keys |= k
        return keys
    t = traversal(node)
    if t and len(t) == 2 and t[0] == "local" and t[1] in local_values:
        return tag_keys(doc, local_values[t[1]], local_values, depth + 1)
    return UNKNOWN


def _default_tags(doc: TfDoc, local_values: dict) -> dict:
    """provider alias (None: default provider) → keys of its default_tags, or UNKNOWN."""
    out = {}
    for p in doc.blocks_of("provider"):
        if p.labels != ["aws"]:
            continue
        alias = p.attr("alias")
        name = string_value(alias.value) if alias is not None else None
        if alias is not None and name is None:
            continue
        keys = set()
        for dt in p.blocks("default_tags"):
            a = dt.attr("tags")
            if a is None:
                continue
            k = tag_keys(doc, a.value, local_values)
            keys = UNKNOWN if k is UNKNOWN or keys is UNKNOWN else keys | k
        if any(d.labels and d.labels[0] == "default_tags" for d in p.blocks("dynamic")):
            keys = UNKNOWN
        out[name] = keys
    return out


def render_value(value, env: Optional[str]) -> Optional[str]:
    """A tag value from the configuration as HCL, or None when it needs an environment suffix
    the file does not have."""
    v = str(value).replace("{tool}", TOOL)
    if v == "{environment_suffix}":
        return env
    pieces = v.split("{environment_suffix}")
    if len(pieces) == 1:
        return quote(v)
    if env is None:
        return None
    return '"' + ("${" + env + "}").join(quote(p)[1:-1] for p in pieces) + '"'


def detect(doc: TfDoc, ctx):
    wanted = dict(ctx["tags"])
    if not wanted:
        return
    types = taggable()
    resources = [r for r in doc.resources() if r.labels[0] in types]
    if not resources:
        return
    local_values = _locals(doc)
    defaults = _default_tags(doc, local_values)
    env = env_var(doc)
    for res in resources:
        prov = res.attr("provider")
        alias = None
        if prov is not None:
            t = traversal(prov.value)
            if not t or len(t) != 2 or t[0] != "aws":
                continue
            alias = t[1]
        from_provider = defaults.get(alias, set())
        if from_provider is UNKNOWN:
            continue
        if res.blocks("tags") or any(d.labels and d.labels[0] == "tags" for d in res.blocks("dynamic")):
            continue  # tags written as blocks: not something we can read
        attr = res.attr("tags")
        present = tag_keys(doc, attr.value, local_values) if attr is not None else set()
        if present is UNKNOWN:
            continue
        missing = [k for k in wanted if k not in present and k not in from_provider]
        if not missing:
            continue
        rendered = [(k, render_value(wanted[k], env)) for k in missing]
        fixable = [(k, v) for k, v in rendered if v is not None]
        blocked = [k for k, v in rendered if v is None]
        what = f"{res.labels[0]} '{res.labels[1]}'"
        if fixable:
            names = ", ".join(k for k, _ in fixable)
            yield gap(res, f"{what} is missing required tags: {names}",
                      fix=lambda res=res, fixable=fixable: _fix(doc, res, fixable))
        if blocked:
            yield gap(res, f"{what} is missing required tags: {', '.join(blocked)} "
                           "(no environment-suffix variable in this module to set them from)",
                      detail="unrendered")


def _fix(doc: TfDoc, res, pairs):
    attr = res.attr("tags")
    if attr is None:
        return insert_into_block(doc, res, [("tags", _map_text(doc, pairs))], kind="tail")
    node = unwrap(attr.value)
    if is_object(node):
        edits = add_object_items(doc, node, pairs)
        if not object_items(node) and attr.line == attr.end_line:  # `{}` becomes a multi-line map
            edits += becomes_multiline(doc, res, attr)
        return edits
    call = function_call(node)
    if call is not None:
        literals = [a for a in call[1] if is_object(a)]
        if literals:
            return add_object_items(doc, literals[-1], pairs)
        if not call[1]:
            raise FixError("merge() without arguments")
        return add_call_argument(doc, node, _map_text(doc, pairs)) + becomes_multiline(doc, res, attr)
    # local.x → merge(local.x, {...})
    s, e = span(node)
    indent = doc.indent_of_line(attr.line)
    edits = [Edit(s, e, f"merge({doc.text[s:e]}, {_map_text(doc, pairs, indent)})")]
    return edits + becomes_multiline(doc, res, attr)


def _map_text(doc: TfDoc, pairs, indent: str = "") -> str:
    lines = render_items([(render_key(k), v) for k, v in pairs], doc.unit).splitlines()
    return "{\n" + "".join(indent + ln + "\n" for ln in lines) + indent + "}"
