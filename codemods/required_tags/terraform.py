"""required_tags for Terraform: every taggable resource carries the configured tags.

Taggable types: ``codemods/data/tf_taggable.txt`` (every AWS resource type whose
``tags`` argument is an optional map of strings in the provider schema).

The module (every ``.tf`` file of the directory) is read: tags present are read from
``tags = { ... }``, ``merge(...)`` of object literals and ``local.<name>`` values defined
in any ``locals`` block of the module, plus the ``default_tags`` of the resource's
``provider "aws"`` block in any file of the module. Tags given by anything else (a
variable such as the ``var.tags`` a reusable module threads from its caller, another
function call, a ``for`` expression) are unknown: no finding.

A module's shared tags: a local named ``tags``/``common_tags``/``default_tags``/
``standard_tags`` that resources use as their tags. Its missing keys are one finding on
the local, fixed in its map (not once per resource), and a resource without tags gets
``tags = local.<name>``. In a module that threads ``var.tags`` (and has no such local),
a resource without tags gets ``tags = var.tags``: its caller chooses them.

Fixes: missing keys are added after the existing ones of the literal map (the last
literal map argument of ``merge`` the author wrote, not one of tags a tool generates,
yor's ``git_*``/``yor_*``; a new ``{...}`` argument when there is none; a
``local.x`` value becomes ``merge(local.x, {...})``), in the map's style; a resource
without ``tags`` gets a ``tags = { ... }`` argument at the end of its body (before
``depends_on``/``lifecycle``). ``{environment_suffix}`` renders as
``var.environment_suffix`` (or environment/env/stage); when the file has no such
variable, the tags needing it are reported in a separate finding without a fix. A key the
module's tags already give one value everywhere, a literal or an expression of variables and
locals (``Environment = local.resource_prefix.value``), is written with that value. A module
that already tags the environment under its own key (``Env = var.env``) has stated its key:
the environment tag counts as present under it and is written under it elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from iacfix.codemods.common.terraform import env_var, gap
from iacfix.core import Edit, FixError, Gap, module_docs
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


SHARED = ("tags", "common_tags", "default_tags", "standard_tags")


def _locals(doc: TfDoc) -> dict:
    """name → value node of every local of the module."""
    return {name: a.value for name, (_, a) in _local_attrs(doc).items()}


def _local_attrs(doc: TfDoc) -> dict:
    """name → (file, attribute) of every local of the module (the first definition)."""
    out = {}
    for _, d in module_docs(doc):
        for b in d.blocks_of("locals"):
            for name, a in b.attrs.items():
                out.setdefault(name, (d, a))
    return out


def _tag_refs(node) -> set:
    """``local.x`` / ``var.x`` names a tags expression uses directly or as a merge argument."""
    call = function_call(node)
    if call is not None and call[0] == "merge":
        return set().union(*(_tag_refs(a) for a in call[1])) if call[1] else set()
    t = traversal(node)
    return {f"{t[0]}.{t[1]}"} if t and len(t) == 2 and t[0] in ("local", "var") else set()


def _shared(doc: TfDoc):
    """The module's shared tags: ``local.<name>`` (a SHARED name used as tags by a
    resource of the module), else ``var.<name>`` threaded as tags, else None."""
    uses = {}
    for _, d in module_docs(doc):
        for r in d.resources() + d.blocks_of("module"):  # what the module passes to its modules counts
            a = r.attr("tags")
            if a is not None:
                for ref in _tag_refs(a.value):
                    uses[ref] = uses.get(ref, 0) + 1
    local_names = set(_local_attrs(doc))
    locals_used = [r for r in uses if r.startswith("local.") and r[6:] in SHARED and r[6:] in local_names]
    if locals_used:
        return max(locals_used, key=lambda r: (uses[r], r))
    threaded = [r for r in uses if r.startswith("var.")]
    return max(threaded, key=lambda r: (uses[r], r)) if threaded else None


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
    providers = [p for _, d in module_docs(doc) for p in d.blocks_of("provider")]
    for p in providers:
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


def render_value(value, env: Optional[str], own: Optional[str] = None) -> Optional[str]:
    """A tag value from the configuration as HCL, or None when it needs an environment suffix
    the file does not have. ``own``: the one expression the module already gives this key
    (``Environment = local.resource_prefix.value``), written instead of a value made from
    the environment suffix: the module has stated how it spells its environment."""
    v = str(value).replace("{tool}", TOOL)
    if own is not None and ENVIRONMENT in v:
        return own
    if v == "{environment_suffix}":
        return env
    pieces = v.split("{environment_suffix}")
    if len(pieces) == 1:
        return quote(v)
    if env is None:
        return None
    return '"' + ("${" + env + "}").join(quote(p)[1:-1] for p in pieces) + '"'


ENVIRONMENT = "{environment_suffix}"


def _tag_values(doc: TfDoc):
    """(key, value source) of every tag the module writes as a literal map: in resources'
    tags, locals and providers' default_tags (``merge`` arguments included)."""
    def visit(d: TfDoc, node, depth: int = 0):
        items = object_items(node)
        if items is not None:
            yield from ((it.key, d.source(it.value).strip()) for it in items if it.key is not None)
            return
        call = function_call(node)
        if call is not None and call[0] == "merge" and depth < 8:
            for arg in call[1]:
                yield from visit(d, arg, depth + 1)

    for _, d in module_docs(doc):
        for r in d.resources():
            a = r.attr("tags")
            if a is not None:
                yield from visit(d, a.value)
        for b in d.blocks_of("locals"):
            for a in b.attrs.values():
                yield from visit(d, a.value)
        for p in d.blocks_of("provider"):
            for dt in p.blocks("default_tags"):
                a = dt.attr("tags")
                if a is not None:
                    yield from visit(d, a.value)


def environment_keys(doc: TfDoc, env: Optional[str]) -> set:
    """The keys under which the module tags with its environment variable (``Env = var.env``,
    ``Stage = "${var.stage}"``)."""
    if env is None:
        return set()
    return {k for k, v in _tag_values(doc) if v in (env, '"${' + env + '}"')}


_ROOT = re.compile(r"(?<![.\w])([A-Za-z_][\w-]*)\.")


def module_values(doc: TfDoc) -> dict:
    """key → the value the module's tags give it, where every resource, local and provider
    default_tags that sets the key sets it alike, to a literal or to an expression of
    variables and locals only (the same for every resource: not ``each.key``, ``count.index``
    or another resource's attribute)."""
    seen: dict = {}
    for k, v in _tag_values(doc):
        seen.setdefault(k, set()).add(v)
    return {k: next(iter(vs)) for k, vs in seen.items()
            if len(vs) == 1 and all(root in ("var", "local") for root in _ROOT.findall(next(iter(vs))))}


def wanted_tags(configured: dict, env_keys: set) -> dict:
    """The configured tags, with the module's own key for the environment where it uses one
    (the same rule as CloudFormation's: a tag whose value is the environment counts as present
    under the author's key, and is written under it)."""
    own = [k for k, v in configured.items() if v == ENVIRONMENT and k not in env_keys]
    if own and len(env_keys) == 1:
        key = next(iter(env_keys))
        return {(key if k in own else k): v for k, v in configured.items()}
    return dict(configured)


def detect(doc: TfDoc, ctx):
    wanted = dict(ctx["tags"])
    if not wanted:
        return
    types = taggable()
    resources = [r for r in doc.resources() if r.labels[0] in types]
    if not resources and not doc.blocks_of("locals"):
        return
    local_values = _locals(doc)
    defaults = _default_tags(doc, local_values)
    env = env_var(doc)
    wanted = wanted_tags(wanted, environment_keys(doc, env))
    own = module_values(doc)
    shared = _shared(doc)
    by_local = set()  # keys the shared local lacks: its own finding, not each resource's
    if shared is not None and shared.startswith("local."):
        where, attr = _local_attrs(doc)[shared[6:]]
        keys = tag_keys(where, attr.value, local_values)
        base = defaults.get(None, set())
        if keys is not UNKNOWN and base is not UNKNOWN:
            by_local = {k for k in wanted if k not in keys and k not in base}
            if by_local and where is doc:
                yield from _local_gaps(doc, shared, attr, [k for k in wanted if k in by_local], wanted, env, own)
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
        if attr is None and shared is not None:
            yield gap(res, f"{res.labels[0]} '{res.labels[1]}' has no tags (the module's tags are {shared})",
                      fix=lambda res=res: insert_into_block(doc, res, [("tags", shared)], kind="tail"))
            continue
        present = tag_keys(doc, attr.value, local_values) if attr is not None else set()
        if present is UNKNOWN:
            continue
        missing = [k for k in wanted if k not in present and k not in from_provider]
        if attr is not None and shared in _tag_refs(attr.value):
            missing = [k for k in missing if k not in by_local]
        if not missing:
            continue
        rendered = [(k, render_value(wanted[k], env, own.get(k))) for k in missing]
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


def _local_gaps(doc: TfDoc, shared: str, attr, missing, wanted, env, own):
    """The shared tags local's missing keys: one finding on the local, fixed in its map."""
    rendered = [(k, render_value(wanted[k], env, own.get(k))) for k in missing]
    fixable = [(k, v) for k, v in rendered if v is not None]
    blocked = [k for k, v in rendered if v is None]
    node = unwrap(attr.value)
    call = function_call(node)
    target = node if is_object(node) else None
    if target is None and call is not None and call[0] == "merge":
        target = _own_map([a for a in call[1] if is_object(a)])
    where = dict(line=attr.line, column=attr.node.meta.column, end_line=attr.end_line,
                 resource_type="locals", resource_name=shared[6:])
    if fixable:
        yield Gap(**where, message=f"{shared} (the module's tags) is missing required tags: "
                                   + ", ".join(k for k, _ in fixable),
                  fix=(lambda: add_object_items(doc, target, fixable)) if target is not None else None)
    if blocked:
        yield Gap(**where, message=f"{shared} (the module's tags) is missing required tags: {', '.join(blocked)} "
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
            return add_object_items(doc, _own_map(literals), pairs)
        if not call[1]:
            raise FixError("merge() without arguments")
        return add_call_argument(doc, node, _map_text(doc, pairs)) + becomes_multiline(doc, res, attr)
    # local.x → merge(local.x, {...})
    s, e = span(node)
    indent = doc.indent_of_line(attr.line)
    edits = [Edit(s, e, f"merge({doc.text[s:e]}, {_map_text(doc, pairs, indent)})")]
    return edits + becomes_multiline(doc, res, attr)


_GENERATED = re.compile(r"^(git_|yor_)")


def _own_map(maps):
    """Of a ``merge``'s literal maps, the one new tags go in: the last the author wrote, not a
    map of tags a tool generates and rewrites (yor's ``git_*`` and ``yor_*``); else the last."""
    if not maps:
        return None
    own = [m for m in maps if not all(_GENERATED.match(it.key or "") for it in object_items(m) or ())
           or not object_items(m)]
    return (own or maps)[-1]


def _map_text(doc: TfDoc, pairs, indent: str = "") -> str:
    lines = render_items([(render_key(k), v) for k, v in pairs], doc.unit).splitlines()
    return "{\n" + "".join(indent + ln + "\n" for ln in lines) + indent + "}"
