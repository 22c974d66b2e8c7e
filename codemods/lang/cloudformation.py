"""The CloudFormation adapter (YAML, JSON, SAM): the catalog's neutral rules as templates
spell them (see ``iacfix.codemods.lang`` and ``iacfix.codemods.spec``).

- Kinds: ``service.Type`` is ``AWS::<Service>::<Type>`` (``SERVICES`` spells the
  services), plus the SAM type of the same thing (``SAM``).
- Names: a property is its neutral name in PascalCase (``naming.pascal``: ``DB``, ``AZ``);
  ``NAMES`` lists where a type spells a path otherwise (``()`` flattens a structure
  into its parent: SAM's ``Tracing``), ``NONE`` what a type does not have.
- Values are written as they are. Read back, a scalar ``true``/``false`` (any case,
  quoted too: CloudFormation takes strings for booleans and numbers) is a bool and a
  numeral a number. Unknown: an intrinsic function, a dynamic reference
  (``{{resolve:...}}``), a null (CloudFormation rejects null values: the template is
  not finished), anything under ``Properties`` given by an intrinsic (``!If``).
- A parameter's value (``Param``) is the template parameter named as the property when
  the template has one (the owner's setting); one the template uses only under a condition
  (in resources or outputs that carry it, in the true branch of an ``Fn::If``) is written
  ``Fn::If [<condition>, Ref, Ref AWS::NoValue]`` when the condition is the same for every
  use, else the finding has no fix.
- SAM: a property set in the ``Globals`` section of the resource's type counts as set,
  and is not checked (the finding would be on text outside the resource). The APIs SAM
  creates for function events that name none (``ServerlessRestApi``/``ServerlessHttpApi``)
  are checked by the rules on their kind, their Globals section read as their Properties
  and written by the fix (``add_globals``), unless explicit APIs would take the change too.
- Placement: ``spec.ORDER`` with the names translated; a trailing ``Tags`` stays last.

``compile_rules(cm)`` serves the codemods whose spec has rules; ``rule_detector`` runs
one ``spec.Rule`` for a detector written by hand, and ``insert``/``literal`` give such
detectors the same placement and reading.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple

from iacfix.codemods import spec
from iacfix.codemods.common.cloudformation import ImplicitApi, gap, implicit_apis, implicit_gap
from iacfix.codemods.lang.naming import pascal
from iacfix.codemods.spec import (
    ABSENT, NO_HOOK, UNKNOWN, AtLeast, ByProp, Codemod, Detector, Entry, Exactly, Explicit, Hook, Nested, Param,
    Rule, TheOnly,
)
from iacfix.core import Context, FixError
from iacfix.transforms.cloudformation import (
    CfnDoc, GetAtt, If, MappingNode, Ref, Resource, ScalarNode, SequenceNode, get, intrinsic, is_map, is_null,
    is_seq, items, key_node, refs_in, scalar, walk,
)

# ---------------------------------------------------------------------- kinds

SERVICES = {
    "apigateway": "ApiGateway", "apigatewayv2": "ApiGatewayV2", "dynamodb": "DynamoDB", "ecs": "ECS", "efs": "EFS",
    "elasticache": "ElastiCache", "iam": "IAM", "kinesis": "Kinesis", "kms": "KMS", "lambda": "Lambda",
    "logs": "Logs", "rds": "RDS", "secretsmanager": "SecretsManager", "sqs": "SQS",
}
# SAM resources that are the same kind (with their Globals section). Not covered, for want
# of the property: AWS::Serverless::SimpleTable (no point-in-time recovery). The implicit
# APIs SAM creates for function events have no resource: the rules on their kind (and the
# API codemods' own detectors) find them with common.cloudformation.implicit_apis and
# write their properties with add_globals.
SAM = {
    "lambda.Function": ("AWS::Serverless::Function", "Function"),
    "apigateway.Stage": ("AWS::Serverless::Api", "Api"),
    "apigatewayv2.Stage": ("AWS::Serverless::HttpApi", "HttpApi"),
}


def types_of(kind: str) -> Tuple[str, ...]:
    """``lambda.Function`` → ``AWS::Lambda::Function``, ``AWS::Serverless::Function``."""
    service, _, name = kind.partition(".")
    native = (f"AWS::{SERVICES[service]}::{name}",) if service in SERVICES else ()
    return native + ((SAM[kind][0],) if kind in SAM else ())


def kind_of(native_type: str) -> Optional[str]:
    for kind, (sam, _section) in SAM.items():
        if sam == native_type:
            return kind
    parts = native_type.split("::")
    if len(parts) == 3 and parts[0] == "AWS":
        for service, spelled in SERVICES.items():
            if spelled == parts[1]:
                return f"{service}.{parts[2]}"
    return None


def _globals_section(native_type: str) -> Optional[str]:
    return next((section for sam, section in SAM.values() if sam == native_type), None)


# ---------------------------------------------------------------------- names

# Per native type, a neutral path → its native path where PascalCase is not it.
NAMES: Dict[str, Dict[str, Tuple[str, ...]]] = {
    "AWS::Serverless::Function": {
        "tracing_config": (),  # Tracing: Active, where Lambda has TracingConfig: {Mode: Active}
        "tracing_config.mode": ("Tracing",),
        "dead_letter_config": ("DeadLetterQueue",),
    },
    "AWS::RDS::DBInstance": {"performance_insights_kms_key_id": ("PerformanceInsightsKMSKeyId",)},
}
# Per native type, neutral properties it does not have: requirements on them are dropped.
NONE: Dict[str, Tuple[str, ...]] = {
    # enhanced shard-level metrics are set through the Kinesis API only
    "AWS::Kinesis::Stream": ("shard_level_metrics",),
    # CORS is the API's (SAM's Api and HttpApi are both)
    "AWS::ApiGateway::Stage": ("cors",),
    "AWS::ApiGatewayV2::Stage": ("cors_configuration",),
}


def native(native_type: str, path: str) -> Optional[Tuple[str, ...]]:
    """The native path of a neutral one (``stream_encryption.key_id`` →
    ``("StreamEncryption", "KeyId")``), or None where the type has no such property."""
    segs = path.split(".")
    if any(".".join(segs[:i]) in NONE.get(native_type, ()) for i in range(1, len(segs) + 1)):
        return None
    table = NAMES.get(native_type, {})
    for i in range(len(segs), 0, -1):
        head = ".".join(segs[:i])
        if head in table:
            return table[head] + tuple(pascal(s) for s in segs[i:])
    return tuple(pascal(s) for s in segs)


def _base(native_type: str, within: str) -> Tuple[str, ...]:
    """The native path of a structure (``()``: the Properties)."""
    return (native(native_type, within) or ()) if within else ()


# ---------------------------------------------------------------------- values

_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


def literal(node) -> Any:
    """What a node says, as a neutral literal: ABSENT for no node, UNKNOWN for what the
    template cannot know (an intrinsic, a dynamic reference, a null)."""
    if node is None:
        return ABSENT
    if is_seq(node):
        values = [literal(n) for n in node.value]
        return UNKNOWN if any(v is UNKNOWN or v is ABSENT for v in values) else values
    if is_map(node):
        if intrinsic(node):
            return UNKNOWN
        out = {}
        for k, v in items(node):
            value = literal(v)
            if not isinstance(k, ScalarNode) or value is UNKNOWN:
                return UNKNOWN
            out[k.value] = value
        return out
    s = scalar(node)
    if s is None or is_null(node) or "{{resolve:" in s:
        return UNKNOWN
    if s.lower() in ("true", "false"):
        return s.lower() == "true"
    if _NUMBER.fullmatch(s):
        return float(s) if "." in s else int(s)
    return s


def matches(node, want) -> Any:
    """True / False for a literal that is / is not ``want`` (strings compared as written),
    UNKNOWN when the template cannot say (or ``want`` is a reference: any value is a choice)."""
    have = literal(node)
    if have is UNKNOWN or isinstance(want, (Ref, GetAtt)):
        return UNKNOWN
    if isinstance(want, str):
        return scalar(node) == want
    return spec.same(have, want)


# ---------------------------------------------------------------------- facts

def _edge_functions(doc: CfnDoc) -> set:
    """Functions a CloudFront distribution runs at the edge (through their versions too)."""
    versions = {r.name: set(refs_in(r.prop("FunctionName"))) for r in doc.resources()
                if r.type == "AWS::Lambda::Version"}
    out = set()
    for r in doc.resources():
        if r.type == "AWS::CloudFront::Distribution":
            for path, node in walk(r.properties):
                if path and path[-1] == "LambdaFunctionARN":
                    for target in refs_in(node):
                        target = target.split(".", 1)[0]  # SAM: !Ref Function.Version
                        out.add(target)
                        out |= versions.get(target, set())
    return out


# Hook name → fn(doc, resource, ctx): facts only a template can tell.
HOOKS: Dict[str, Callable] = {
    # Lambda@Edge: associated with a CloudFront distribution, directly or through a version
    "runs_at_edge": lambda doc, res, ctx: res.name in _edge_functions(doc),
    # DeletionPolicy: Delete (common.aws.DESTROYED_WITH_STACK)
    "destroyed_with_stack": lambda doc, res, ctx: _deletion_policy(res) == "Delete",
}


def _deletion_policy(res) -> Any:
    node = get(res.node, "DeletionPolicy")
    return scalar(node) if node is not None else None

# (kind, attribute) → how a template refers to it: "Ref" or a GetAtt attribute.
# (Any kind's "arn" is its Arn attribute.)
ATTRIBUTES = {("kms.Key", "key_id"): "Ref"}


def the_only(doc: CfnDoc, res: Resource, want: TheOnly):
    """``!Ref``/``!GetAtt`` of the template's only resource of the kind, when it exists
    under no other Condition than ``res``'s; else None."""
    how = ATTRIBUTES.get((want.kind, want.attr)) or ("Arn" if want.attr == "arn" else None)
    found = [r for r in doc.resources() if r.type in types_of(want.kind)]
    if how is None or len(found) != 1:
        return None
    if scalar(get(found[0].node, "Condition")) not in (None, scalar(get(res.node, "Condition"))):
        return None
    return Ref(found[0].name) if how == "Ref" else GetAtt(found[0].name, how)


# ---------------------------------------------------------------------- placement

def _order(native_type: str, within: str = "") -> Tuple[str, ...]:
    """``spec.ORDER`` for a resource's Properties (or for its structure ``within``, a neutral
    path), in native names."""
    kind = kind_of(native_type)
    key = f"{kind}.{within}" if within else kind
    base = _base(native_type, within)
    out: List[str] = []
    for name in spec.ORDER.get(key or "", ()):
        path = f"{within}.{name}" if within else name
        rel = (native(native_type, path) or ())[len(base):]
        if len(rel) == 1:
            out.append(rel[0])
        elif not rel:  # flattened: its fields take its place
            out += [p[-1] for n, p in NAMES.get(native_type, {}).items() if n.startswith(path + ".") and len(p) == 1]
    return tuple(out)


def insert(doc: CfnDoc, res: Resource, mapping, pairs: List[Tuple[str, Any]], within: str = "", flow: bool = False):
    """The edit adding ``pairs`` to ``mapping`` (``res``'s Properties, or its structure at the
    neutral path ``within``): before the trailing run of keys that ``spec.ORDER`` ranks after
    them (a trailing Tags included), else at its end (before a trailing Tags)."""
    order = _order(res.type, within)
    ranked = bool(order and mapping.value and all(k in order for k, _ in pairs))
    ranks = [order.index(k) for k, _ in pairs] if ranked else []
    before = None
    if ranked:
        top = max(ranks)
        keys = [k for k, _ in mapping.value]
        run = []
        for i in range(len(keys) - 1, -1, -1):
            name = keys[i].value if isinstance(keys[i], ScalarNode) else None
            if (name == "Tags" and i == len(keys) - 1) or (name in order and order.index(name) > top):
                run.append(keys[i])
            else:
                break
        if run and not (len(run) == 1 and run[0].value == "Tags"):
            before = run[-1]
    if before is not None and before is mapping.value[0][0] and not mapping.flow_style:
        line_start = doc.lines.line_start(before.start_mark.line + 1)
        if doc.text[line_start:before.start_mark.index].strip():
            raise FixError("cannot insert before the first key of a list item")
    edit = doc.add_to_mapping(mapping, pairs, flow_items=flow, before=before)
    if ranked and edit.start == edit.end:
        # placed by rank: another fix's keys placed here by rank go on the same pass
        edit = dataclasses.replace(edit, rank=(mapping.start_mark.index, min(ranks), max(ranks)))
    return edit


def add_properties(doc: CfnDoc, res: Resource, pairs: List[Tuple[str, Any]], flow: bool = False):
    """The edit adding ``pairs`` to ``res``'s Properties (created when it has none) in their place."""
    props = res.properties
    if is_map(props) and props.value:
        return insert(doc, res, props, pairs, flow=flow)
    return doc.add_property(res, pairs, flow_items=flow)


# The order of SAM's Globals sections (its documentation's).
GLOBALS_SECTIONS = ("Function", "Api", "HttpApi", "SimpleTable", "StateMachine", "LayerVersion")
# Top-level sections a new Globals section goes before (SAM's template anatomy: after
# Transform and Description, before the rest).
GLOBALS_BEFORE = ("Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Resources", "Outputs")


def add_globals(doc: CfnDoc, native_type: str, pairs: List[Tuple[str, Any]]):
    """The edit adding ``pairs`` to the SAM ``Globals`` section of ``native_type``
    (``AWS::Serverless::Api`` → ``Globals: Api``), in ``spec.ORDER`` like the properties of
    such a resource; the section (and ``Globals``) created when absent."""
    section = _globals_section(native_type)
    if section is None:
        raise FixError(f"{native_type} has no Globals section")
    top = get(doc.root, "Globals")
    if top is None:
        return doc.add_section("Globals", {section: dict(pairs)}, GLOBALS_BEFORE)
    if not is_map(top) or intrinsic(top) or not (top.value or top.flow_style):
        raise FixError("the Globals section is not a mapping iacfix can edit")
    node = get(top, section)
    if node is None:
        # sections in SAM's order, so that whichever section is added first the text is the same
        rank = GLOBALS_SECTIONS.index(section) if section in GLOBALS_SECTIONS else len(GLOBALS_SECTIONS)
        later = [k for k, _v in top.value if isinstance(k, ScalarNode) and k.value in GLOBALS_SECTIONS
                 and GLOBALS_SECTIONS.index(k.value) > rank]
        return doc.add_to_mapping(top, [(section, dict(pairs))], before=later[0] if later else None)
    if not is_map(node) or intrinsic(node) or not (node.value or node.flow_style):
        raise FixError(f"Globals: {section} is not a mapping iacfix can edit")
    holder = Resource(section, key_node(top, section), node, native_type)
    return insert(doc, holder, node, pairs)


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


# ---------------------------------------------------------------------- the interpreter

_DROP = object()  # a value with nothing to write


class _Resource:
    """One resource as a rule sees it: reading, conditions, values."""

    def __init__(self, doc: CfnDoc, res: Resource, ctx: Context, hooks: Mapping[str, Callable]):
        self.doc, self.res, self.ctx, self.hooks = doc, res, ctx, hooks
        self.withheld: List[str] = []  # why the fix cannot be written (the finding stays)
        section = _globals_section(res.type)
        self.globals = get(get(doc.root, "Globals"), section) if section else None

    def node(self, path: str):
        """The node at a neutral path: None (absent), UNKNOWN (under an intrinsic), a node."""
        names = native(self.res.type, path)
        if not names:
            return None
        node = self.res.properties
        node = None if is_null(node) else node
        for i, name in enumerate(names):
            if node is not None and (not is_map(node) or intrinsic(node)):
                return UNKNOWN
            found = get(node, name)
            if found is None and i == 0:
                found = get(self.globals, name)
            node = found
            if node is None:
                return None
        return node

    def read(self, path: str) -> Any:
        node = self.node(path)
        return UNKNOWN if node is UNKNOWN else literal(node)

    def hook(self, h: Hook) -> Any:
        fn = self.hooks.get(h.name) or HOOKS.get(h.name)
        return NO_HOOK if fn is None else fn(self.doc, self.res, self.ctx)

    def holds(self, cond) -> Optional[bool]:
        return spec.evaluate(cond, self.read, self.ctx.params, self.hook, self.resolve)

    def resolve(self, value) -> Any:
        """The value to write, or None when there is nothing to write."""
        if isinstance(value, Param):
            value = self.ctx.params.get(value.name)
        elif isinstance(value, ByProp):
            value = value.pick(self.read(value.prop))
        elif isinstance(value, TheOnly):
            value = the_only(self.doc, self.res, value)
        elif isinstance(value, Hook):
            value = self.hook(value)
            value = None if value is NO_HOOK else value
        return None if value is None or value == "" or value == [] else value


class _Finding:
    def __init__(self):
        self.missing: List[Tuple[str, Any, str, Any, str]] = []  # label, container, key, value, within
        self.wrong: List[Tuple[str, str, Any, Any]] = []  # off, setting, node, value


def _value(r: _Resource, path: str, req) -> Any:
    """What a requirement writes when missing (a literal, a mapping, an entry), or _DROP."""
    if req.when is not None and r.holds(req.when) is not True:
        return _DROP
    if isinstance(req, Nested):
        fields = _fields(r, path, req.fields)
        return dict(fields) if fields else _DROP
    if isinstance(req, Entry):
        key = native(r.res.type, f"{path}.{req.key}")
        return {key[-1]: req.key_value, **dict(_fields(r, path, req.fields))} if key else _DROP
    if isinstance(req.value, Param):
        # a template parameter named as the property (SnapshotRetentionLimit) is the
        # template's own setting of it: the owner's value, written instead of the codemod's
        names = native(r.res.type, path)
        if names and get(get(r.doc.root, "Parameters"), names[-1]) is not None:
            return _parameter_value(r, names[-1])
    value = r.resolve(req.value)
    return _DROP if value is None else value


def _parameter_value(r: _Resource, name: str) -> Any:
    """The template parameter ``name`` as the value of the property of the same name. A
    parameter the template uses only under a condition (resources and outputs that carry it,
    the true branch of an ``Fn::If``) is meant for that case only: under the condition
    when it is one and the same for every use, else no fix (``r.withheld``)."""
    guards = _guards(r.doc, name)
    if not guards or any(not g for g in guards):
        return Ref(name)  # unused, or used unconditionally somewhere
    common = set.intersection(*guards)
    named = sorted(c for c in common if not c.startswith("!"))
    if len(named) == 1:
        if scalar(get(r.res.node, "Condition")) == named[0]:
            return Ref(name)  # the resource exists only under that condition itself
        return If(named[0], Ref(name), Ref("AWS::NoValue"))
    used = sorted({c.lstrip("!") for g in guards for c in g})
    r.withheld.append(f"the template uses its parameter {name} only under condition {' or '.join(used)}, never "
                      f"unconditionally: choose under which condition {name} applies here, then fix")
    return Ref(name)


def _guards(doc: CfnDoc, name: str) -> List[set]:
    """For each use of the template parameter ``name`` in resources and outputs, the
    conditions it is under: the resource's or output's ``Condition``, the condition of each
    ``Fn::If`` whose true branch holds it (``!C`` its false branch). One walk of the
    template per parse and name (asked for each finding, it would be quadratic)."""
    cached = doc.cache.get(("parameter guards", name))
    if cached is not None:
        return cached
    out: List[set] = []

    def visit(node, under: frozenset) -> None:
        fn = intrinsic(node)
        if fn is not None:
            fname, arg = fn
            if fname == "Fn::If" and is_seq(arg) and len(arg.value) == 3:
                cond = scalar(arg.value[0]) or "?"
                visit(arg.value[1], under | {cond})
                visit(arg.value[2], under | {"!" + cond})
                return
            if fname in ("Ref", "Fn::Sub") and name in set(refs_in(node)):
                out.append(set(under))
                if fname == "Ref":
                    return
        if isinstance(node, MappingNode):
            for _k, v in node.value:
                visit(v, under)
        elif isinstance(node, SequenceNode):
            for v in node.value:
                visit(v, under)

    for section in ("Resources", "Outputs"):
        for _k, entry in items(get(doc.root, section)):
            cond = scalar(get(entry, "Condition")) if is_map(entry) else None
            visit(entry, frozenset({cond} if cond else ()))
    doc.cache[("parameter guards", name)] = out
    return out


def _fields(r: _Resource, path: str, fields: Mapping[str, Any]) -> List[Tuple[str, Any]]:
    """(native key, value) of a structure's fields that have something to write, in ORDER."""
    base = _base(r.res.type, path)
    out = []
    for name, req in fields.items():
        sub = native(r.res.type, f"{path}.{name}")
        value = _value(r, f"{path}.{name}", req)
        if sub is not None and len(sub) == len(base) + 1 and value is not _DROP:
            out.append((sub[-1], value))
    order = _order(r.res.type, path)
    return sorted(out, key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


def _check(r: _Resource, f: _Finding, path: str, req, container, within: str, off: str = "") -> None:
    """Check one requirement at a neutral ``path`` of the resource, whose native parent
    mapping is ``container`` (None: the Properties), into ``f``."""
    names = native(r.res.type, path)
    if names is None or (req.when is not None and r.holds(req.when) is not True):
        return
    label = spec.label_of(path, req)
    off = req.off or off
    if isinstance(req, Nested) and len(names) == len(_base(r.res.type, within)):
        for name, field in req.fields.items():  # flattened into the parent
            _check(r, f, f"{path}.{name}", field, container, within, off)
        return
    key = names[-1]
    node = get(container if container is not None else r.res.properties, key)
    if node is None:
        if container is None and get(r.globals, key) is not None:
            return  # set in SAM Globals
        value = _value(r, path, req)
        if value is not _DROP:
            f.missing.append((label, container, key, [value] if isinstance(req, Entry) else value, within))
        return
    if isinstance(req, Nested):
        if is_map(node) and not intrinsic(node):
            for name, field in req.fields.items():
                _check(r, f, f"{path}.{name}", field, node, path, off)
        return
    if isinstance(req, Entry):
        item = _find_entry(node, req, native(r.res.type, f"{path}.{req.key}")[-1])
        if item is None:
            value = _value(r, path, req)
            if value is not _DROP:
                f.missing.append((label, node, None, value, path))
        elif item is not UNKNOWN:
            for name, field in req.fields.items():
                _check(r, f, f"{path}.{name}", field, item, path, off)
        return
    value = r.resolve(req.value)
    if value is None:
        return
    wrong = False
    if isinstance(req, Exactly):
        wrong = all(matches(node, w) is False for w in (value, *req.accept))
    elif isinstance(req, Explicit):
        wrong = any(matches(node, w) is True for w in req.reject)
    elif isinstance(req, AtLeast):
        have, minimum = spec.number(literal(node)), spec.number(r.resolve(req.minimum))
        wrong = have is not None and minimum is not None and have < minimum
    if wrong:
        setting = f"{key}: {r.doc.text[node.start_mark.index:r.doc.content_end(node)]}"
        f.wrong.append((off or spec.off_phrase(path, req), setting, node, value))


def _find_entry(seq, req: Entry, key: str):
    """The list item whose ``key`` is ``key_value``; None if absent; UNKNOWN if it cannot be known."""
    if not is_seq(seq):
        return UNKNOWN
    found = None
    for item in seq.value:
        if not is_map(item) or intrinsic(item):
            return UNKNOWN
        k = get(item, key)
        if k is None:
            continue
        if scalar(k) is None:
            return UNKNOWN
        if scalar(k) == req.key_value:
            found = found or item
    return found


def _fixer(doc: CfnDoc, res: Resource, f: _Finding, implicit: bool = False):
    def fix():
        edits, top = [], []
        groups: Dict[int, Tuple[Any, str, list]] = {}  # by the mapping (or list) they go into
        for _label, container, key, value, within in f.missing:
            groups.setdefault(id(container), (container, within, []))[2].append((key, value))
        for container, within, pairs in groups.values():
            if is_seq(container):  # entries appended to an existing list
                flow = any(isinstance(i, MappingNode) and i.flow_style for i in container.value)
                edits.append(doc.append_to_sequence(container, [v for _k, v in pairs], flow_items=flow))
                continue
            order = _order(res.type, within)
            pairs.sort(key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
            flow = any(_entries(v) for _k, v in pairs) and flow_items(doc)
            if container is None and implicit:  # an API SAM creates: its Globals section
                top.append(add_globals(doc, res.type, pairs))
            elif container is None:
                top.append(add_properties(doc, res, pairs, flow))
            else:
                edits.append(insert(doc, res, container, pairs, within, flow))
        edits += [doc.replace_value(node, value) for _off, _setting, node, value in f.wrong]
        # insertions at one offset keep this order: what goes into a structure that ends
        # the Properties comes before the properties added after it
        return edits + top

    return fix


def _entries(value) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict) for v in value)


def rule_detector(rule: Rule, slug: str, hooks: Optional[Mapping[str, Callable]] = None) -> Optional[Detector]:
    """A detector ``detect(doc, ctx)`` for one rule (findings keyed ``rule.detail or slug``),
    or None when none of its kinds or properties exists in CloudFormation. ``hooks``: name →
    ``fn(doc, resource, ctx)``, facts the caller computes (besides the adapter's own)."""
    types = tuple(t for kind in rule.kinds for t in types_of(kind)
                  if any(native(t, name) is not None for name in rule.require))
    if not types:
        return None
    hooks = dict(hooks or {})
    detail = rule.detail or slug

    def detect(doc: CfnDoc, ctx: Context) -> Iterator:
        for res in doc.resources():
            if res.type not in types:
                continue
            props = res.properties
            if props is not None and (not is_map(props) or intrinsic(props)) and not is_null(props):
                continue  # Properties from an intrinsic: unknown
            r = _Resource(doc, res, ctx, hooks)
            if r.holds(rule.when) is not True:
                continue
            f = _Finding()
            for name, req in rule.require.items():
                _check(r, f, name, req, None, "")
            if not f.missing and not f.wrong:
                continue
            msg = spec.message(rule.what, res.name, [m[0] for m in f.missing], [(w[0], w[1]) for w in f.wrong],
                               rule.note)
            g = gap(doc, res, msg, fix=_fixer(doc, res, f), unsafe=rule.unsafe or bool(f.wrong), detail=detail)
            if r.withheld:
                g.withhold("; ".join(r.withheld))
            yield g
        for api in implicit_apis(doc):
            if api.type in types:
                yield from _implicit(doc, ctx, rule, api, hooks, detail)

    return detect


def _implicit(doc: CfnDoc, ctx: Context, rule: Rule, api: ImplicitApi, hooks, detail: str) -> Iterator:
    """The rule on an API SAM creates for function events: it has no resource, its
    properties are its ``Globals`` section, where the fix writes them (see
    ``common.cloudformation.implicit_gap`` for when explicit APIs hold the fix back)."""
    section = get(get(doc.root, "Globals"), api.section)
    if section is not None and (not is_map(section) or intrinsic(section)) and not is_null(section):
        return
    props = [(ScalarNode("tag:yaml.org,2002:str", "Properties"), section)] if section is not None else []
    res = Resource(api.name, api.events[0][1], MappingNode("tag:yaml.org,2002:map", props), api.type)
    r = _Resource(doc, res, ctx, hooks)
    if r.holds(rule.when) is not True:
        return
    f = _Finding()
    for name, req in rule.require.items():
        _check(r, f, name, req, None, "")
    if not f.missing and not f.wrong:
        return
    msg = spec.message(rule.what, api.name, [m[0] for m in f.missing], [(w[0], w[1]) for w in f.wrong], rule.note)
    says = msg[len(f"{rule.what} '{api.name}' "):]
    writes = tuple((key, tuple(value) if isinstance(value, dict) else ())
                   for _label, container, key, value, _within in f.missing if container is None)
    writes += tuple((_top_key(section, node), ()) for _off, _setting, node, _value in f.wrong)
    writes += tuple((_top_key(section, container), ()) for _label, container, _key, _value, _within in f.missing
                    if container is not None)
    g = implicit_gap(doc, api, says, fix=_fixer(doc, res, f, implicit=True), unsafe=rule.unsafe or bool(f.wrong),
                     detail=detail, writes=writes)
    if r.withheld and g.fix is not None:
        g.withhold("; ".join(r.withheld))
    yield g


def _top_key(section, node) -> str:
    """The property of a Globals section that holds ``node``."""
    for k, v in items(section):
        if v is node or (v.start_mark.index <= node.start_mark.index and node.end_mark.index <= v.end_mark.index):
            return str(k.value)
    return ""


def retained(doc: CfnDoc) -> set:
    """Resources whose replacement would leave the old one behind (``UpdateReplacePolicy:
    Retain``): replacing them is a migration (the data stays in the orphan), not a fix.
    ``DeletionPolicy`` alone does not govern replacement."""
    out = set()
    for res in doc.resources():
        node = get(res.node, "UpdateReplacePolicy")
        if node is not None and scalar(node) == "Retain":
            out.add((res.type, res.name))
    return out


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """The detector of the codemod's rules in CloudFormation, or None when none applies."""
    detectors = [d for d in (rule_detector(rule, cm.slug) for rule in cm.rules) if d is not None]
    return spec.combine(detectors) if detectors else None
