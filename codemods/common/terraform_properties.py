"""Declarative "required properties" detectors for Terraform (hashicorp/aws).

A codemod states what a resource must carry and gets a detector::

    detect = required(
        "aws_kms_key",
        {"enable_key_rotation": Exactly(True, "key rotation")},
        what="KMS key",
        slug="kms-key-rotation",
        when=lambda doc, block: ...,   # per-resource exceptions
    )

Requirements, keyed by argument / nested block type:

- ``Exactly(value)``: missing (or ``null``) → added (safe); an explicit different
  literal → reported as unsafe (the fix replaces it); anything the detector
  cannot read (a variable, a reference, a call, a conditional) → no finding.
  ``also`` lists other literals that are just as good.
- ``Explicit(value)``: missing (or ``null``) → added; any explicit value is fine,
  except the literals listed in ``unsafe`` (reported as unsafe, replaced).
- ``Block(fields)``: a nested block (``point_in_time_recovery { enabled = true }``);
  missing → added after the resource's other items (before tags/lifecycle);
  present → its fields are checked, missing ones added into it.
- ``Entry(key, key_value, fields)``: one of several nested blocks of that type,
  identified by a key argument (``setting { name = "containerInsights" ... }``);
  appended when missing, its fields checked when present. A ``dynamic`` block of
  that type, or an entry whose key cannot be read, makes the requirement unknown.

Values: Python literals (bool, int, str, list of those), ``Param(name)`` (taken
from ``ctx.params``; a requirement whose parameter is empty or None is dropped:
nothing to write) or ``Code(fn)`` (``fn(doc, block, ctx)`` returns the expression
text, or None when none can be written: the requirement is dropped). ``props``
may also be a function ``(doc, block, ctx) -> dict`` when what is required
depends on the resource or on the parameters.

One Gap per resource (key: type, label and ``slug``); its fix adds every missing
property at once. A resource with an explicit wrong value gets one unsafe Gap
(its fix, run only with --unsafe-fixes, also adds what is missing); a detector
built with ``unsafe=True`` reports every gap as unsafe (changes that replace the
resource).

Arguments added to a resource go after its last argument (before ``tags`` and
``depends_on``), except that they are placed before the trailing run of
arguments that ``ORDER`` ranks after them: the codemods then compose in any
order (``tests/test_compose.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from iacfix.codemods.common.properties import Code, Param  # noqa: F401 - re-exported to the codemods
from iacfix.codemods.common.terraform import gap
from iacfix.core import Edit, FixError, apply_edits
from iacfix.transforms import terraform as tf
from iacfix.transforms.terraform import UNKNOWN, TfDoc, literal


# ------------------------------------------------------------------- spec
Value = Union[bool, int, str, list, Param, Code]


@dataclass(frozen=True)
class Exactly:
    value: Value
    label: str = ""  # how a message names the property ("key rotation"); default: its name
    also: Tuple[Any, ...] = ()  # other literals that are just as good ("enhanced")


@dataclass(frozen=True)
class Explicit:
    value: Value
    label: str = ""
    unsafe: Tuple[Any, ...] = ()  # explicit literals reported as unsafe (retention 0 = forever)


@dataclass(frozen=True)
class Block_:
    fields: Dict[str, Any]
    label: str = ""


@dataclass(frozen=True)
class Entry:
    key: str  # "name"
    key_value: str  # "containerInsights"
    fields: Dict[str, Any] = field(default_factory=dict)
    label: str = ""


Block = Block_  # the public name (``transforms.terraform.Block`` is the parsed block)
Req = Union[Exactly, Explicit, Block_, Entry]

# Where arguments added to an existing resource go, so that codemods compose in any
# order: an argument ranked here is inserted before the trailing run of arguments
# ranked after it (the dead-letter-queue codemod's redrive_policy included). The
# arguments one codemod adds must be consecutive here: they are inserted together.
ORDER: Dict[str, Tuple[str, ...]] = {
    "aws_lambda_function": ("timeout", "memory_size", "reserved_concurrent_executions"),
    "aws_sqs_queue": ("sqs_managed_sse_enabled", "kms_master_key_id", "redrive_policy"),
    "aws_kinesis_stream": ("encryption_type", "kms_key_id", "retention_period", "shard_level_metrics"),
    # rds-protection adds storage_encrypted (its own, unsafe gap) and the rest; removal-policy
    # (profile ephemeral) adds skip_final_snapshot, ranked first so that the others keep their place
    "aws_db_instance": ("skip_final_snapshot", "storage_encrypted", "backup_retention_period",
                        "copy_tags_to_snapshot", "deletion_protection", "enabled_cloudwatch_logs_exports",
                        "auto_minor_version_upgrade"),
    "aws_rds_cluster": ("skip_final_snapshot", "storage_encrypted", "backup_retention_period",
                        "copy_tags_to_snapshot", "deletion_protection", "enabled_cloudwatch_logs_exports"),
    # elasticache-encryption adds the encryption flags (its own, unsafe gap) and the rest
    "aws_elasticache_replication_group": ("at_rest_encryption_enabled", "transit_encryption_enabled",
                                          "automatic_failover_enabled", "multi_az_enabled",
                                          "snapshot_retention_limit"),
}

# The same for nested blocks added to an existing resource: a block ranked here goes
# before the trailing run of nested blocks ranked after it (dead-letter-queue appends
# ``dead_letter_config`` after the function's other blocks).
BLOCK_ORDER: Dict[str, Tuple[str, ...]] = {
    "aws_lambda_function": ("tracing_config", "dead_letter_config"),
    # api-access-logging's access_log_settings, api-throttling's default_route_settings
    "aws_apigatewayv2_stage": ("access_log_settings", "default_route_settings"),
}


def insert_ranked_block(doc, block, rtype: str, name: str, text: str):
    """Edits adding the nested block ``text`` (of type ``name``) to ``block`` (a resource
    of type ``rtype``): after its other items, but before the trailing run of nested
    blocks ``BLOCK_ORDER`` ranks after it."""
    order = BLOCK_ORDER.get(rtype, ())
    if name in order:
        anchor = tf.anchor_of(block, "block")
        cands = block.items[:block.items.index(anchor) + 1] if anchor is not None else []
        i = len(cands)
        while i > 0 and cands[i - 1].is_block and cands[i - 1].type in order \
                and order.index(cands[i - 1].type) > order.index(name):
            i -= 1
        if i < len(cands):
            return tf.insert_into_block(doc, block, [("", text)], kind="block", after=cands[i - 1] if i > 0 else None)
    return tf.insert_into_block(doc, block, [("", text)], kind="block")


# ------------------------------------------------------------------- detector
def required(types, props, *, what: str, slug: str, when: Optional[Callable] = None,
             missing_msg: str = "{what} '{name}' has no {missing}",
             wrong_msg: str = "{what} '{name}' sets {setting}", unsafe: bool = False):
    """A detector ``detect(doc, ctx)`` for resources of ``types`` (a type or a tuple).

    ``unsafe=True``: every gap is unsafe, a missing property included (a change that
    replaces the resource, e.g. enabling RDS storage encryption): give such
    properties their own detector (and ``slug``, the Gap's detail) so that the safe
    ones are still fixed without --unsafe-fixes."""
    types = (types,) if isinstance(types, str) else tuple(types)

    def detect(doc: TfDoc, ctx):
        for res in doc.resources(*types):
            if when is not None and not when(doc, res):
                continue
            reqs = _resolve(doc, res, props, ctx)
            state = _check(doc, res, reqs, ctx)
            if not state.missing and not state.wrong:
                continue
            name = res.labels[1]
            if state.wrong:
                setting = ", ".join(f"{path} = {doc.source(a.value).strip()}" for path, a, _ in state.wrong)
                # what the fix of a wrong value also adds is not named twice
                missing = _join([m for m in state.missing if m not in {lab for _, _, lab in state.wrong}])
                msg = wrong_msg.format(what=what, name=name, setting=setting)
                if missing:
                    msg += f"; it also has no {missing}"
            else:
                msg = missing_msg.format(what=what, name=name, missing=_join(state.missing))
            yield gap(res, msg, fix=_fixer(doc, res, props, ctx), unsafe=unsafe or bool(state.wrong), detail=slug)

    return detect


def _join(labels: List[str]) -> str:
    labels = list(dict.fromkeys(labels))
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _resolve(doc, res, props, ctx) -> Dict[str, Req]:
    reqs = props(doc, res, ctx) if callable(props) else props
    return _drop_unwritable(doc, res, reqs, ctx)


def _drop_unwritable(doc, res, reqs, ctx) -> Dict[str, Req]:
    out = {}
    for name, req in reqs.items():
        if isinstance(req, (Exactly, Explicit)):
            if render(doc, res, req.value, ctx) is None:
                continue
        elif isinstance(req, Block_):
            req = Block_(_drop_unwritable(doc, res, req.fields, ctx), req.label)
        elif isinstance(req, Entry):
            req = Entry(req.key, req.key_value, _drop_unwritable(doc, res, req.fields, ctx), req.label)
        out[name] = req
    return out


# ------------------------------------------------------------------- values
def render(doc: TfDoc, res, value, ctx) -> Optional[str]:
    """The HCL text of a required value (None: nothing can be written)."""
    if isinstance(value, Param):
        value = ctx.params.get(value.name)
        if value is None or value == "" or value == []:
            return None
    if isinstance(value, Code):
        return value.fn(doc, res, ctx)
    return _hcl(value, doc.unit)


def _hcl(value, unit: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return tf.quote(value)
    if isinstance(value, (list, tuple)):
        items = [_hcl(v, unit) for v in value]
        one = "[" + ", ".join(items) + "]"
        if len(items) <= 1 or len(one) <= 60:
            return one
        return "[\n" + "".join(f"{unit}{it},\n" for it in items) + "]"
    raise TypeError(f"cannot render {value!r}")


def _want(value, ctx):
    """The literal a value stands for (for comparison), or UNKNOWN for computed code."""
    if isinstance(value, Param):
        return ctx.params.get(value.name)
    if isinstance(value, Code):
        return UNKNOWN
    return value


def _same(have, want) -> bool:
    if isinstance(want, bool) and isinstance(have, str) and have in ("true", "false"):
        have = have == "true"  # HCL converts "true" to a bool
    if isinstance(want, bool) != isinstance(have, bool):
        return False
    return have == want


# ------------------------------------------------------------------- checking
@dataclass
class _State:
    missing: List[str] = field(default_factory=list)  # labels, for the message
    wrong: List[Tuple[str, Any, str]] = field(default_factory=list)  # (path, Attr, label)
    actions: List[Callable[[], List[Edit]]] = field(default_factory=list)


def _label(name: str, req, parent: str = "") -> str:
    return req.label or parent or name.replace("_", " ")


def _check(doc: TfDoc, block, reqs: Dict[str, Req], ctx, state: Optional[_State] = None,
           path: str = "", parent_label: str = "", res=None) -> _State:
    """What ``block`` lacks or sets wrong, and the edits (one group per action) that fix it."""
    state = state if state is not None else _State()
    res = res if res is not None else block
    absent: List[Tuple[str, str]] = []  # arguments to add
    replace: List[Tuple[Any, str]] = []  # (value node, text): nulls and wrong literals
    for name, req in reqs.items():
        label = _label(name, req, parent_label)
        if isinstance(req, (Exactly, Explicit)):
            text = render(doc, res, req.value, ctx)
            a = block.attr(name)
            if a is None:
                state.missing.append(label)
                absent.append((name, text))
                continue
            have = literal(a.value)
            if have is UNKNOWN:
                continue
            if have is None:  # `= null`: the provider's default
                state.missing.append(label)
                replace.append((a.value, text))
                continue
            want = _want(req.value, ctx)
            if isinstance(req, Exactly):
                bad = want is not UNKNOWN and not _same(have, want) and not any(_same(have, o) for o in req.also)
            else:
                bad = any(_same(have, u) for u in req.unsafe)
            if bad:
                state.wrong.append((path + name, a, label))
                replace.append((a.value, text))
            continue
        if _dynamic(block, name):
            continue  # generated blocks: unknown
        if isinstance(req, Block_):
            found = block.blocks(name)
            if not found:
                state.missing.append(label)
                state.actions.append(_insert_block(doc, block, name, [], req.fields, res, ctx))
                continue
            _check(doc, found[0], req.fields, ctx, state, f"{path}{name}.", label, res)
            continue
        if isinstance(req, Entry):
            entries, unknown = [], False
            for b in block.blocks(name):
                k = b.attr(req.key)
                v = literal(k.value) if k is not None else UNKNOWN
                if v is UNKNOWN:
                    unknown = True
                elif v == req.key_value:
                    entries.append(b)
            if entries:
                _check(doc, entries[0], req.fields, ctx, state, f"{path}{name}.", label, res)
            elif not unknown:
                state.missing.append(label)
                fields = {req.key: Explicit(req.key_value), **req.fields}
                state.actions.append(_insert_block(doc, block, name, [], fields, res, ctx))
            continue
        raise TypeError(f"unknown requirement {req!r}")
    if replace:
        state.actions.insert(0, lambda: tf.replace_values(doc, replace))
    if absent:
        state.actions.insert(0, _insert_attrs(doc, block, absent, res))
    return state


def _dynamic(block, name: str) -> bool:
    return any(d.labels and d.labels[0] == name for d in block.blocks("dynamic"))


def _insert_block(doc, block, name, labels, fields, res, ctx):
    def action():
        items = []
        for fname, req in fields.items():
            if isinstance(req, (Exactly, Explicit)):
                items.append((fname, render(doc, res, req.value, ctx)))
            elif isinstance(req, Block_):
                items.append(("", _render_nested(doc, fname, req.fields, res, ctx)))
            else:
                items.append(("", _render_nested(doc, fname, {req.key: Explicit(req.key_value), **req.fields}, res, ctx)))
        text = tf.render_block(name, labels, items, doc.unit)
        if block is res:
            return insert_ranked_block(doc, block, res.labels[0], name, text)
        return tf.insert_into_block(doc, block, [("", text)], kind="block")

    return action


def _render_nested(doc, name, fields, res, ctx) -> str:
    return tf.render_block(name, [], [(f, render(doc, res, r.value, ctx)) for f, r in fields.items()], doc.unit)


def _insert_attrs(doc: TfDoc, block, items: List[Tuple[str, str]], res):
    """Arguments added after the block's last argument, before the trailing run of
    arguments ``ORDER`` ranks after them (see the module docstring)."""

    def action():
        order = ORDER.get(res.labels[0], ()) if block is res else ()
        anchor = tf.anchor_of(block, "attr")
        if order and any(n in order for n, _ in items):
            ranked = sorted(items, key=lambda it: order.index(it[0]) if it[0] in order else len(order))
            rank = order.index(ranked[0][0])
            cands = [it for it in block.items if not it.is_block and it.name not in tf.TRAILING_ATTRS]
            i = len(cands) - 1
            while i > 0 and cands[i].name in order and order.index(cands[i].name) > rank:
                i -= 1
            if cands:
                anchor = cands[i]
            return tf.insert_into_block(doc, block, ranked, after=anchor)
        return tf.insert_into_block(doc, block, items, after=anchor)

    return action


# ------------------------------------------------------------------- fixing
def _fixer(doc: TfDoc, res, props, ctx):
    """Apply the actions one at a time (each on the re-parsed result of the previous
    one) until the resource complies; one action's edits are returned as they are,
    several as one edit spanning what changed."""

    def fix():
        text, cur, block = doc.text, doc, res
        for step in range(20):
            state = _check(cur, block, _resolve(cur, block, props, ctx), ctx)
            if not state.actions:
                break
            edits = _distinct(state.actions[0]())
            if step == 0 and len(state.actions) == 1:
                return edits
            text = apply_edits(text, edits)
            cur = tf.parse(text)
            block = cur.resource(*res.labels)
            if block is None:
                raise FixError(f"lost track of {'.'.join(res.labels)}")
        else:
            raise FixError("the fix does not converge")
        return [_whole(doc.text, text)]

    return fix


def _distinct(edits: List[Edit]) -> List[Edit]:
    out = []
    for e in edits:
        if e not in out:
            out.append(e)
    return out


def _whole(old: str, new: str) -> Edit:
    """One edit turning ``old`` into ``new`` (common prefix and suffix kept)."""
    i = 0
    n = min(len(old), len(new))
    while i < n and old[i] == new[i]:
        i += 1
    j = 0
    while j < n - i and old[len(old) - 1 - j] == new[len(new) - 1 - j]:
        j += 1
    return Edit(i, len(old) - j, new[i:len(new) - j])
