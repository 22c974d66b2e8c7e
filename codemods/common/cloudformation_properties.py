"""Declarative "required properties" detectors for CloudFormation (YAML, SAM, JSON).

A codemod states what a resource must carry and gets a detector::

    detect = required(
        "AWS::KMS::Key",
        {"EnableKeyRotation": Exactly(True, "key rotation")},
        what="KMS key",
        slug="kms-key-rotation",
        when=_rotatable,   # per-resource exceptions: a module-level function (doc, res) -> bool
    )

Requirements, keyed by property name:

- ``Exactly(value)``: missing → added (safe); an explicit different literal →
  reported as unsafe (the fix replaces it); anything the detector cannot read (an
  intrinsic function, a dynamic reference ``{{resolve:...}}``, a null) → no
  finding. ``also`` lists other literals that are just as good.
- ``Explicit(value)``: missing → added; any explicit value is fine.
- ``Nested(fields)``: a mapping (``PointInTimeRecoverySpecification``); missing →
  added whole; present → its fields are checked, missing ones added into it.
- ``Entry(key, key_value, fields)``: the item of a list of mappings identified by
  ``key: key_value`` (``ClusterSettings: [{Name: containerInsights, Value: enabled}]``);
  appended when missing, its fields checked when present. An item that is not a
  mapping or whose key cannot be read makes the requirement unknown.

Values: Python literals (bool, int, str), ``Param(name)`` (from ``ctx.params``; a
requirement whose parameter is empty is dropped: nothing to write), ``Code(fn)``
(``fn(doc, res, ctx)`` returns a value the editor renders — a literal, ``Ref``,
``GetAtt``, ``Sub`` — or None to drop the requirement). ``props`` may also be a
function ``(doc, res, ctx) -> dict`` when what is required depends on the resource.

A resource whose ``Properties`` are an intrinsic (``!If``) is unknown: no finding.
A property set in the SAM ``Globals`` section of the resource's type counts as set.

One Gap per resource (key: type, logical id and ``slug``); its fix adds every
missing property at once. A resource with an explicit wrong value gets one unsafe
Gap (its fix, run only with --unsafe-fixes, also adds what is missing).

Properties added to an existing mapping go at its end (before a trailing ``Tags``),
except that they are placed before the trailing run of properties that ``ORDER``
ranks after them: the codemods (this module's and dead-letter-queue's and
api-throttling's, which append) then compose in any order (``tests/test_compose.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from iacfix.codemods.common.properties import Code, Param  # noqa: F401 - re-exported to the codemods
from iacfix.codemods.common.cloudformation import gap
from iacfix.core import FixError
from iacfix.transforms.cloudformation import (
    CfnDoc, GetAtt, MappingNode, Ref, Resource, ScalarNode, SequenceNode, Sub, get, int_value, intrinsic, is_map,
    is_null, is_seq, items, scalar, walk,
)


# ------------------------------------------------------------------- spec
Value = Union[bool, int, str, Param, Code, Ref, GetAtt, Sub]


@dataclass(frozen=True)
class Exactly:
    value: Value
    label: str = ""  # how a message names the property ("key rotation"); default: its name
    also: Tuple[Any, ...] = ()  # other literals that are just as good ("enhanced")


@dataclass(frozen=True)
class Explicit:
    value: Value
    label: str = ""
    unsafe: Tuple[Any, ...] = ()  # explicit literals reported as unsafe (snapshot retention 0 = none)


@dataclass(frozen=True)
class Nested:
    fields: Dict[str, Any]
    label: str = ""


@dataclass(frozen=True)
class Entry:
    key: str  # "Name"
    key_value: str  # "containerInsights"
    fields: Dict[str, Any] = field(default_factory=dict)
    label: str = ""


Req = Union[Exactly, Explicit, Nested, Entry]

# Where properties added to an existing mapping go, so that codemods compose in any
# order: a property ranked here is inserted before the trailing run of properties
# ranked after it (a trailing Tags included). Properties one codemod adds together
# are consecutive here. Keys: a resource type, or "<type>.<property>" for a nested mapping.
ORDER: Dict[str, Tuple[str, ...]] = {
    "AWS::Lambda::Function": ("TracingConfig", "Timeout", "MemorySize", "ReservedConcurrentExecutions",
                              "DeadLetterConfig"),
    "AWS::Serverless::Function": ("Tracing", "Timeout", "MemorySize", "ReservedConcurrentExecutions",
                                  "DeadLetterQueue"),
    "AWS::IAM::Role": ("ManagedPolicyArns", "Policies"),
    "AWS::SQS::Queue": ("SqsManagedSseEnabled", "KmsMasterKeyId", "RedrivePolicy"),
    "AWS::ApiGateway::Stage": ("AccessLogSetting", "TracingEnabled", "MethodSettings"),
    "AWS::Serverless::Api": ("AccessLogSetting", "TracingEnabled", "MethodSettings"),
    "AWS::ApiGateway::Deployment.StageDescription": ("AccessLogSetting", "TracingEnabled", "ThrottlingBurstLimit",
                                                     "ThrottlingRateLimit"),
    "AWS::ApiGatewayV2::Stage": ("AccessLogSettings", "DefaultRouteSettings"),
    "AWS::Serverless::HttpApi": ("AccessLogSettings", "DefaultRouteSettings"),
    # rds-protection adds StorageEncrypted (its own, unsafe gap) and the rest
    "AWS::RDS::DBInstance": ("StorageEncrypted", "BackupRetentionPeriod", "CopyTagsToSnapshot", "DeletionProtection",
                             "EnableCloudwatchLogsExports", "AutoMinorVersionUpgrade"),
    "AWS::RDS::DBCluster": ("StorageEncrypted", "BackupRetentionPeriod", "CopyTagsToSnapshot", "DeletionProtection",
                            "EnableCloudwatchLogsExports"),
    # elasticache-encryption adds the encryption flags (its own, unsafe gap) and the rest
    "AWS::ElastiCache::ReplicationGroup": ("AtRestEncryptionEnabled", "TransitEncryptionEnabled",
                                           "AutomaticFailoverEnabled", "MultiAZEnabled", "SnapshotRetentionLimit"),
}

# SAM Globals sections: a property set there counts as set on every resource of the type.
SAM_GLOBALS = {"AWS::Serverless::Function": "Function", "AWS::Serverless::Api": "Api"}

UNKNOWN = object()


# ------------------------------------------------------------------- detector
def required(types, props, *, what: str, slug: str, when: Optional[Callable] = None,
             missing_msg: str = "{what} '{name}' has no {missing}",
             wrong_msg: str = "{what} '{name}' sets {setting}", unsafe: bool = False) -> "Required":
    """A detector ``detect(doc, ctx)`` for resources of ``types`` (a type or a tuple).
    ``when(doc, res)`` returns False for a resource the requirements do not apply to.
    ``when``, a callable ``props`` and ``Code`` functions are module-level functions:
    the detector is pickled to run files in parallel.
    ``unsafe=True``: every gap is unsafe, a missing property included (a change that
    replaces the resource, e.g. enabling RDS storage encryption): give such properties
    their own detector (and ``slug``) so that the safe ones are still fixed without
    --unsafe-fixes."""
    types = (types,) if isinstance(types, str) else tuple(types)
    return Required(types, props, what, slug, when, missing_msg, wrong_msg, unsafe)


@dataclass(frozen=True)
class Required:
    types: Tuple[str, ...]
    props: Any
    what: str
    slug: str
    when: Optional[Callable]
    missing_msg: str
    wrong_msg: str
    unsafe: bool = False

    def __call__(self, doc: CfnDoc, ctx):
        for res in doc.resources():
            if res.type not in self.types:
                continue
            body = res.properties
            if body is not None and not is_map(body) and not is_null(body):
                continue  # Properties from an intrinsic: unknown
            if is_map(body) and intrinsic(body):
                continue
            if self.when is not None and not self.when(doc, res):
                continue
            reqs = _resolve(doc, res, self.props, ctx)
            missing, wrong = [], []
            _check(doc, res, body, reqs, _globals(doc, res), missing, wrong)
            if not missing and not wrong:
                continue
            if wrong:
                setting = ", ".join(f"{name}: {_source(doc, node)}" for name, node, _v, _l in wrong)
                msg = self.wrong_msg.format(what=self.what, name=res.name, setting=setting)
                also = _join([lab for lab, *_ in missing])
                if also:
                    msg += f"; it also has no {also}"
            else:
                msg = self.missing_msg.format(what=self.what, name=res.name,
                                              missing=_join([lab for lab, *_ in missing]))
            yield gap(doc, res, msg, fix=_fixer(doc, res, missing, wrong),
                      unsafe=self.unsafe or bool(wrong), detail=self.slug)


def _join(labels: List[str]) -> str:
    labels = list(dict.fromkeys(labels))
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _source(doc: CfnDoc, node) -> str:
    return doc.text[node.start_mark.index:doc.content_end(node)]


def _globals(doc: CfnDoc, res: Resource):
    section = SAM_GLOBALS.get(res.type)
    return get(get(doc.root, "Globals"), section) if section else None


def _resolve(doc, res, props, ctx) -> Dict[str, Req]:
    reqs = props(doc, res, ctx) if callable(props) else props
    return _values(doc, res, reqs, ctx)


def _values(doc, res, reqs, ctx) -> Dict[str, Req]:
    """The requirements with Param/Code values resolved; those with nothing to write dropped."""
    out: Dict[str, Req] = {}
    for name, req in reqs.items():
        if isinstance(req, (Exactly, Explicit)):
            value = value_of(doc, res, req.value, ctx)
            if value is None:
                continue
            req = Exactly(value, req.label, req.also) if isinstance(req, Exactly) \
                else Explicit(value, req.label, req.unsafe)
        elif isinstance(req, Nested):
            fields = _values(doc, res, req.fields, ctx)
            if not fields:
                continue
            req = Nested(fields, req.label)
        elif isinstance(req, Entry):
            req = Entry(req.key, req.key_value, _values(doc, res, req.fields, ctx), req.label)
        out[name] = req
    return out


def value_of(doc: CfnDoc, res: Resource, value, ctx):
    """The value a requirement writes (None: nothing can be written)."""
    if isinstance(value, Param):
        value = ctx.params.get(value.name)
    elif isinstance(value, Code):
        value = value.fn(doc, res, ctx)
    if value is None or value == "":
        return None
    return value


def render(req: Req):
    """The whole value of a missing requirement, as the editor renders it."""
    if isinstance(req, (Exactly, Explicit)):
        return req.value
    if isinstance(req, Nested):
        return {k: render(v) for k, v in req.fields.items()}
    return [_entry(req)]


def _entry(req: Entry) -> dict:
    return {req.key: req.key_value, **{k: render(v) for k, v in req.fields.items()}}


def label(name: str, req: Req) -> str:
    return req.label or name


# ------------------------------------------------------------------- checking
def matches(node, want, also=()) -> Any:
    """True / False for a literal that is / is not ``want`` (or one of ``also``);
    UNKNOWN for anything else (an intrinsic, a collection, a null, a dynamic reference)."""
    s = scalar(node)
    if s is None or is_null(node) or "{{resolve:" in s:
        return UNKNOWN
    for w in (want,) + tuple(also):
        if isinstance(w, bool):
            if s.lower() == ("true" if w else "false"):
                return True
        elif isinstance(w, int):
            if int_value(node) == w:
                return True
        elif isinstance(w, str):
            if s == w:
                return True
        else:
            return UNKNOWN  # a Ref/Sub wanted: any literal is someone's choice
    return False


def _check(doc, res, mapping, reqs, fallback, missing, wrong) -> None:
    """Fill ``missing`` with (label, mapping, name, req) and ``wrong`` with
    (name, node, value, label) for ``reqs`` checked against ``mapping``.
    ``fallback``: a mapping whose keys count as set when ``mapping`` lacks them (SAM Globals)."""
    for name, req in reqs.items():
        node = get(mapping, name) if mapping is not None else None
        if node is None and fallback is not None and get(fallback, name) is not None:
            continue  # set in Globals
        if node is None:
            missing.append((label(name, req), mapping, name, req))
            continue
        if isinstance(req, Exactly):
            if matches(node, req.value, req.also) is False:
                wrong.append((name, node, req.value, label(name, req)))
        elif isinstance(req, Explicit) and req.unsafe:
            if any(matches(node, u) is True for u in req.unsafe):
                wrong.append((name, node, req.value, label(name, req)))
        elif isinstance(req, Nested):
            if is_map(node) and not intrinsic(node):
                _check(doc, res, node, req.fields, None, missing, wrong)
        elif isinstance(req, Entry):
            item = _find_entry(node, req)
            if item is UNKNOWN:
                continue
            if item is None:
                missing.append((label(name, req), node, None, req))
            else:
                _check(doc, res, item, req.fields, None, missing, wrong)


def _find_entry(seq, req: Entry):
    """The list item whose ``key`` is ``key_value``; None if absent; UNKNOWN if it cannot be known."""
    if not is_seq(seq):
        return UNKNOWN
    found = None
    for item in seq.value:
        if not is_map(item) or intrinsic(item):
            return UNKNOWN
        k = get(item, req.key)
        if k is None:
            continue
        if scalar(k) is None:
            return UNKNOWN
        if scalar(k) == req.key_value:
            found = found or item
    return found


# ------------------------------------------------------------------- fixing
def _fixer(doc: CfnDoc, res: Resource, missing, wrong):
    def fix():
        edits, top = [], []
        # what is missing, grouped by the mapping (or list) it goes into; None: Properties
        groups: Dict[int, Tuple[Any, list]] = {}
        for _lab, mapping, name, req in missing:
            groups.setdefault(id(mapping), (mapping, []))[1].append((name, req))
        for mapping, reqs in groups.values():
            if is_seq(mapping):  # Entry items appended to an existing list
                flow = any(isinstance(i, MappingNode) and i.flow_style for i in mapping.value)
                edits.append(doc.append_to_sequence(mapping, [_entry(r) for _n, r in reqs], flow_items=flow))
                continue
            pairs = [(n, render(r)) for n, r in reqs]
            flow = any(isinstance(r, Entry) for _n, r in reqs) and flow_items(doc)
            if mapping is None or mapping is res.properties:
                top.append(_add_property(doc, res, pairs, flow))
            else:
                edits.append(insert(doc, mapping, pairs, _order_key(res, mapping), flow))
        edits += [doc.replace_value(node, value) for _n, node, value, _l in wrong]
        # insertions at one offset keep this order: what goes into a nested mapping (or
        # list) that ends the Properties comes before the properties added after it
        return edits + top

    return fix


def _order_key(res: Resource, mapping) -> str:
    for k, v in items(res.properties):
        if v is mapping and isinstance(k, ScalarNode):
            return f"{res.type}.{k.value}"
    return ""


def flow_items(doc: CfnDoc) -> bool:
    """Whether the template writes the mappings in its lists on one line ({Name: a, Value: b})
    more often than over several lines: new lists of mappings are written the same way."""
    one = many = 0
    for _path, node in walk(doc.root):
        if isinstance(node, SequenceNode) and (doc.style.json or not node.flow_style):
            for item in node.value:
                if isinstance(item, MappingNode) and item.value and not intrinsic(item):
                    if item.flow_style and item.start_mark.line == item.end_mark.line:
                        one += 1
                    else:
                        many += 1
    return one > many


def _add_property(doc: CfnDoc, res: Resource, pairs, flow: bool = False):
    props = res.properties
    if is_map(props) and props.value:
        return insert(doc, props, pairs, res.type, flow)
    return doc.add_property(res, pairs, flow_items=flow)


def insert(doc: CfnDoc, mapping, pairs: List[Tuple[str, Any]], order_key: str = "", flow: bool = False):
    """Add ``pairs`` to ``mapping``: before the trailing run of keys that ORDER[order_key]
    ranks after them (a trailing Tags included), else at its end."""
    order = ORDER.get(order_key, ())
    before = None
    if order and mapping.value and all(k in order for k, _ in pairs):
        top = max(order.index(k) for k, _ in pairs)
        keys = [k for k, _ in mapping.value]
        run = []
        for i in range(len(keys) - 1, -1, -1):
            k = keys[i]
            name = k.value if isinstance(k, ScalarNode) else None
            if (name == "Tags" and i == len(keys) - 1) or (name in order and order.index(name) > top):
                run.append(k)
            else:
                break
        if run and not (len(run) == 1 and run[0].value == "Tags"):
            before = run[-1]
    if before is not None and before is mapping.value[0][0] and not mapping.flow_style:
        line_start = doc.lines.line_start(before.start_mark.line + 1)
        if doc.text[line_start:before.start_mark.index].strip():
            raise FixError("cannot insert before the first key of a list item")
    return doc.add_to_mapping(mapping, pairs, flow_items=flow, before=before)
