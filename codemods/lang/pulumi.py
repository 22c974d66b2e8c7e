"""The Pulumi Python (pulumi_aws) adapter (see ``iacfix.codemods.lang``).

pulumi_aws is generated from the Terraform provider: a neutral property is spelled as
Terraform spells it (``lang.terraform.names.native``), with Pulumi's differences stated
here: a repeated block is a plural keyword of ``XxxArgs`` entries (``setting`` →
``settings=[ecs.ClusterSettingArgs(...)]``), a nested block is an ``XxxArgs`` call named
``<Class><PascalField>Args`` (or a dict literal, in the file's key case).

``compile_rules(cm)`` interprets a codemod's rules; ``detector(rules, slug)`` runs rules
of a hand-written detector's own; ``add_kwargs(doc, call, cls, kwargs)`` places new
arguments by the catalog's one order (``spec.ORDER``), so codemods compose in any order.

How a rule reads a resource: the resource call's keywords (or those of its ``args=XxxArgs``);
a nested requirement reads an ``XxxArgs`` call or a dict literal (snake or camel keys); a
keyed entry reads the items of a list literal. A ``**splat``, an unreadable value or an
entry whose key cannot be read makes the requirement unknown: no finding. One Gap per
resource and rule; its fix writes every missing property at once (nested changes first,
then the new arguments in the result).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Dict, List, Optional, Sequence, Tuple

import libcst as cst

from iacfix.codemods import spec
from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.lang.terraform import names as tf_names
from iacfix.codemods.spec import Codemod, Detector, combine
from iacfix.core import Edit, FixError, Gap, apply_edits
from iacfix.transforms import python as py
from iacfix.transforms.python import parse

KEEP = ("protect", "retain_on_delete")  # resource options that keep a resource

# neutral kind → (pulumi_aws class, the Terraform type it is generated from)
KINDS: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "kms.Key": (("kms.Key", "aws_kms_key"),),
    "dynamodb.Table": (("dynamodb.Table", "aws_dynamodb_table"),),
    "sqs.Queue": (("sqs.Queue", "aws_sqs_queue"),),
    "ecs.Cluster": (("ecs.Cluster", "aws_ecs_cluster"),),
    "efs.FileSystem": (("efs.FileSystem", "aws_efs_file_system"),),
    "lambda.Function": (("lambda_.Function", "aws_lambda_function"),),
    "logs.LogGroup": (("cloudwatch.LogGroup", "aws_cloudwatch_log_group"),),
    "apigateway.Stage": (("apigateway.Stage", "aws_api_gateway_stage"),),
    "apigatewayv2.Stage": (("apigatewayv2.Stage", "aws_apigatewayv2_stage"),),
    "apigatewayv2.Api": (("apigatewayv2.Api", "aws_apigatewayv2_api"),),
    "kinesis.Stream": (("kinesis.Stream", "aws_kinesis_stream"),),
    "rds.DBInstance": (("rds.Instance", "aws_db_instance"), ("rds.ClusterInstance", "aws_rds_cluster_instance")),
    "rds.DBCluster": (("rds.Cluster", "aws_rds_cluster"),),
    "elasticache.ReplicationGroup": (("elasticache.ReplicationGroup", "aws_elasticache_replication_group"),),
}

# Pulumi's spelling where it differs from Terraform's, per Terraform type and neutral path:
# repeated blocks are plural keywords.
PLURAL: Dict[str, Dict[str, str]] = {
    "aws_ecs_cluster": {"cluster_settings": "settings"},
}


def retained(doc) -> set:
    """Resources created with ``opts=pulumi.ResourceOptions(protect=True)`` (or
    ``retain_on_delete=True``): Pulumi refuses to replace a protected resource."""
    out = set()
    for site in doc.calls_under(pc.AWS + "."):
        opts = pc.kw_value(site, "opts")
        if isinstance(opts, cst.Call) and "pulumi.ResourceOptions" in doc.qualified_names(opts.func):
            if any(a.keyword is not None and a.keyword.value in KEEP and pc.literal(a.value) is True
                   for a in opts.args):
                out.add((pc.rtype(site), pc.label(site)))
    return out


# ---------------------------------------------------------------------- names


def _pascal(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in name.split("_"))


def native(rtype: str, path: str) -> Optional[str]:
    """The Pulumi keyword of a neutral path's last segment (None: no such property)."""
    nat = tf_names.native(rtype, path)
    if not nat:
        return None
    return PLURAL.get(rtype, {}).get(path, nat[-1])


def args_class(cls: str, rtype: str, path: str) -> str:
    """``dynamodb.Table`` + ``point_in_time_recovery`` → ``dynamodb.TablePointInTimeRecoveryArgs``
    (a repeated block's class is named by the Terraform block, singular)."""
    module, _, name = cls.rpartition(".")
    block = tf_names.native(rtype, path)[-1]
    return f"{module}.{name}{_pascal(block)}Args"


# ---------------------------------------------------------------------- order


def _kind_of(cls: str) -> Optional[Tuple[str, str]]:
    for kind, natives in KINDS.items():
        for c, rtype in natives:
            if c == cls:
                return kind, rtype
    return None


def _translate(kind: str, rtype: str, prefix: str = "") -> Tuple[str, ...]:
    """``spec.ORDER[kind(.prefix)]`` in Pulumi's keywords (a structure Terraform flattens
    contributes its fields' order)."""
    out: List[str] = []
    for name in spec.ORDER.get(kind + ("." + prefix.rstrip(".") if prefix else ""), ()):
        path = prefix + name
        if tf_names.flat(rtype, path):
            out += _translate(kind, rtype, path + ".")
        else:
            kw = native(rtype, path)
            if kw is not None:
                out.append(kw)
    return tuple(out)


def order_of(cls: str, path: str = "") -> Tuple[str, ...]:
    """The order new keywords keep in a call of ``cls`` (``lambda_.Function``), or of its
    nested ``path``'s Args class."""
    found = _kind_of(cls)
    if found is None:
        return ()
    kind, rtype = found
    return _translate(kind, rtype, path + "." if path else "")


def _rank(name: str, order: Sequence[str]) -> int:
    return order.index(name) if name in order else len(order)


def before(order: Sequence[str], names: Sequence[str]) -> Tuple[str, ...]:
    """The keywords that stay after all of ``names`` when they are added: those ``order``
    ranks after the first of them, then Pulumi's trailing ``tags``/``opts``."""
    first = min((_rank(n, order) for n in names), default=len(order))
    return tuple(order[first + 1:]) + pc.LAST


def add_kwargs(doc, call: cst.Call, cls: str, kwargs: Sequence[Tuple[str, Any]], path: str = "",
               first: bool = False) -> List[Edit]:
    """Add ``kwargs`` to ``call`` (a resource of ``cls``, or its ``path``'s Args call) where
    the catalog's order puts them, whichever codemod runs first: each before the trailing
    run of the arguments ranked after it, those going to one place in the order's order.
    ``first``: before every keyword the order ranks (what other codemods add comes after)."""
    order = order_of(cls, path)
    groups: Dict[Optional[int], list] = {}
    for k, v in sorted(kwargs, key=lambda kv: _rank(kv[0], order)):
        after = tuple(order) + pc.LAST if first else before(order, [k])
        at = doc.anchor(call, after)
        groups.setdefault(None if at is None else list(call.args).index(at), []).append((k, v))
    edits: List[Edit] = []
    for idx, group in groups.items():
        edits += doc.add_kwargs(call, group, before=None if idx is None else call.args[idx])
    return edits


# ---------------------------------------------------------------------- reading


def _literal(node):
    """A keyword's literal; Pulumi's ``aws.rds.EngineType.AURORA_POSTGRESQL`` reads as its value."""
    v = pc.literal(node)
    if (v is pc.UNKNOWN and isinstance(node, cst.Attribute) and isinstance(node.value, cst.Attribute)
            and node.value.attr.value == "EngineType"):
        return node.attr.value.lower().replace("_", "-")
    return v


def _reader(site, rtype: str):
    def read(prop: str):
        path = tf_names.native(rtype, prop)
        if path is None:
            return spec.ABSENT
        if len(path) != 1:
            return spec.UNKNOWN  # (no rule reads inside a nested block yet)
        node = pc.kw_value(site, native(rtype, prop))
        if node is None:
            return spec.ABSENT
        v = _literal(node)
        return spec.UNKNOWN if v is pc.UNKNOWN else v
    return read


def the_only(doc, site, ref: spec.TheOnly) -> Optional[str]:
    """``<var>.id`` (``.arn``) of the file's only resource of the kind, assigned to a variable
    before ``site`` in the same scope; None otherwise."""
    classes = [c for c, _ in KINDS.get(ref.kind, ())]
    found = pc.aws_calls(doc, *classes)
    if len(found) != 1 or not pc.var(found[0]) or found[0].line >= site.line:
        return None
    if doc.enclosing(found[0].call, cst.FunctionDef) is not doc.enclosing(site.call, cst.FunctionDef):
        return None
    attr = "id" if ref.attr in ("key_id", "id") else ref.attr
    return f"{pc.var(found[0])}.{attr}"


@dataclass
class _Resource:
    """A resource being checked: its call site, class, Terraform type and the codemod's parameters."""

    doc: Any
    site: Any
    cls: str
    rtype: str
    params: Dict[str, Any]

    def resolve(self, value):
        """A requirement's value as a literal, ``_Ref`` code, or None when it cannot be written."""
        if isinstance(value, spec.Param):
            v = self.params.get(value.name)
            return None if v in (None, "", []) else v
        if isinstance(value, spec.TheOnly):
            code = the_only(self.doc, self.site, value)
            return None if code is None else _Ref(code)
        if isinstance(value, spec.ByProp):
            return value.pick(_reader(self.site, self.rtype)(value.prop))
        if isinstance(value, spec.Hook):
            return None
        return value

    def holds(self, cond) -> bool:
        """The condition is known true (unknown counts as not)."""
        return spec.evaluate(cond, _reader(self.site, self.rtype), self.params, self.hook, self.resolve) is True

    def hook(self, h: spec.Hook) -> Any:
        fn = HOOKS.get(h.name)
        return spec.NO_HOOK if fn is None else fn(self.doc, self.site)


def _option(doc, site, name: str) -> Any:
    """The literal of a resource option (``opts=pulumi.ResourceOptions(name=...)``), None
    when the resource does not state it."""
    opts = pc.kw_value(site, "opts")
    if not isinstance(opts, cst.Call) or "pulumi.ResourceOptions" not in doc.qualified_names(opts.func):
        return None
    v = pc.kw_value(opts, name)
    return pc.literal(v) if v is not None else None


# Hook name → fn(doc, site): what a resource's options state.
HOOKS = {
    # retain_on_delete=False (common.aws.DESTROYED_WITH_STACK)
    "destroyed_with_stack": lambda doc, site: _option(doc, site, "retain_on_delete") is False,
}


@dataclass(frozen=True)
class _Ref:
    """Expression code (a reference to another resource), written as it is."""

    code: str


# A requirement compiled for one class: its keyword, the requirement, its neutral path and,
# for structures, the Args class and the compiled fields (an entry's key keyword too).
@dataclass
class _Prop:
    kw: str
    req: Any
    path: str
    cls: str = ""
    fields: Dict[str, "_Prop"] = field(default_factory=dict)
    key: str = ""


@dataclass
class _Missing:
    """A requirement to add to ``node`` (a resource/Args call, a dict, or a list for an entry)."""

    node: cst.CSTNode
    prop: _Prop


@dataclass
class _Wrong:
    """An explicit literal to replace."""

    node: cst.BaseExpression
    prop: _Prop


def _compile(cls: str, rtype: str, prefix: str, reqs) -> Dict[str, _Prop]:
    out: Dict[str, _Prop] = {}
    for name, req in reqs.items():
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(req, spec.Nested) and tf_names.flat(rtype, path):
            out.update(_compile(cls, rtype, path, req.fields))  # its fields are the parent's
            continue
        kw = native(rtype, path)
        if kw is None:
            continue
        p = _Prop(kw, req, path)
        if isinstance(req, (spec.Nested, spec.Entry)):
            p.cls = args_class(cls, rtype, path)
            p.fields = _compile(cls, rtype, path, req.fields)
        if isinstance(req, spec.Entry):
            p.key = tf_names.native(rtype, f"{path}.{req.key}")[-1]
        out[kw] = p
    return out


def _applies(r: _Resource, p: _Prop) -> bool:
    req = p.req
    if req.when is not None and not r.holds(req.when):
        return False
    if isinstance(req, (spec.Exactly, spec.Explicit, spec.AtLeast)):
        return r.resolve(req.value) is not None
    return True


def _check_call(r: _Resource, call: cst.Call, props: Dict[str, _Prop], missing, wrong) -> None:
    """Check the keyword arguments of ``call`` (a resource or an Args call)."""
    for kw, p in props.items():
        if not _applies(r, p):
            continue
        arg = next((a for a in call.args if a.keyword is not None and a.keyword.value == kw), None)
        if arg is None:
            missing.append(_Missing(call, p))
        else:
            _check_value(r, arg.value, p, missing, wrong)


def _check_dict(r: _Resource, d: cst.Dict, props: Dict[str, _Prop], missing, wrong) -> None:
    keys = pc.dict_keys(r.doc, d)
    if keys is None:
        return  # an unknown spread: any field may be in it
    for kw, p in props.items():
        if not _applies(r, p):
            continue
        el = pc.dict_get(d, kw) or pc.dict_get(d, pc.camel(kw))
        if el is None:
            if kw not in keys and pc.camel(kw) not in keys:  # (keys of a spread dict count as set)
                missing.append(_Missing(d, p))
        else:
            _check_value(r, el.value, p, missing, wrong)


def _minimum(r: _Resource, req) -> Optional[int]:
    m = r.resolve(req.minimum)
    return m if isinstance(m, int) and not isinstance(m, bool) else None


def _check_value(r: _Resource, node, p: _Prop, missing, wrong) -> None:
    req = p.req
    if isinstance(req, spec.Exactly):
        v = pc.literal(node)
        if v is pc.UNKNOWN or not isinstance(req.value, (bool, int, float, str, list)):
            return
        if not spec.same(v, req.value) and not any(spec.same(v, a) for a in req.accept):
            wrong.append(_Wrong(node, p))
    elif isinstance(req, (spec.Explicit, spec.AtLeast)):
        v = pc.literal(node)
        if v is pc.UNKNOWN:
            return
        low = isinstance(req, spec.AtLeast) and type(v) is int and (m := _minimum(r, req)) is not None and v < m
        if low or any(spec.same(v, u) for u in getattr(req, "reject", ())):
            wrong.append(_Wrong(node, p))
    elif isinstance(req, spec.Nested):
        if isinstance(node, cst.Call) and not pc.has_splat(node) and r.doc.code(node.func).endswith("Args"):
            _check_call(r, node, p.fields, missing, wrong)
        elif isinstance(node, cst.Dict):
            _check_dict(r, node, p.fields, missing, wrong)
    elif isinstance(req, spec.Entry):
        if not isinstance(node, cst.List):
            return
        found = None
        for el in node.elements:
            if isinstance(el, cst.StarredElement):
                return
            k = _entry_key(r.doc, el.value, p.key)
            if k is pc.UNKNOWN:
                return
            if k == req.key_value:
                found = el.value
        if found is None:
            missing.append(_Missing(node, p))
        elif isinstance(found, cst.Call):
            _check_call(r, found, p.fields, missing, wrong)
        else:
            _check_dict(r, found, p.fields, missing, wrong)


def _entry_key(doc, item, key: str):
    """The literal key field of a list entry (Args call or dict), else UNKNOWN."""
    if isinstance(item, cst.Call) and not pc.has_splat(item):
        return pc.literal(pc.kw_value(item, key))
    if isinstance(item, cst.Dict):
        el = pc.dict_get(item, key) or pc.dict_get(item, pc.camel(key))
        return pc.literal(el.value) if el is not None else pc.UNKNOWN
    return pc.UNKNOWN


def _message(r: _Resource, rule: spec.Rule, missing, wrong) -> str:
    wrong_parts = [(spec.off_phrase(w.prop.path, w.prop.req), f"{w.prop.kw}={r.doc.code(w.node)}") for w in wrong]
    return spec.message(rule.what, pc.display(r.site), [spec.label_of(m.prop.path, m.prop.req) for m in missing],
                        wrong_parts, rule.note)


# ---------------------------------------------------------------------- writing


def _code(r: _Resource, value, like=None) -> py.Node:
    """A requirement value as a renderable node."""
    value = r.resolve(value)
    if isinstance(value, _Ref):
        return py.Code(value.code)
    if isinstance(value, (bool, int, float)):
        return py.Code(str(value))
    if isinstance(value, str):
        return py.Code(py.str_code(r.doc, value, like))
    if isinstance(value, (list, tuple)):
        return py.List([_code(r, v, like) for v in value])
    raise TypeError(f"cannot write {value!r}")


def _new_value(r: _Resource, p: _Prop, imports: List[Edit], like=None) -> py.Node:
    """The whole value of a missing property (import edits go to ``imports``)."""
    if isinstance(p.req, spec.Nested):
        cls, more = pc.aws_name(r.doc, p.cls)
        imports += more
        return py.Call(cls, [(kw, _new_value(r, f, imports)) for kw, f in p.fields.items() if _applies(r, f)])
    if isinstance(p.req, spec.Entry):
        return py.List([_new_entry(r, p, imports, None)])
    return _code(r, p.req.value, like)


def _new_entry(r: _Resource, p: _Prop, imports: List[Edit], like: Optional[cst.CSTNode]) -> py.Node:
    """A new list entry, as a dict when ``like`` (an existing entry) is one, else an Args call."""
    fields = [(p.key, p.req.key_value)] + [(kw, f.req.value) for kw, f in p.fields.items() if _applies(r, f)]
    if isinstance(like, cst.Dict):
        key_like = next((el.key for el in like.elements if isinstance(el, cst.DictElement)), None)
        is_camel = _camel_keys(like)
        return py.Dict([(py.str_code(r.doc, pc.camel(k) if is_camel else k, key_like), _code(r, v, key_like))
                        for k, v in fields])
    cls, more = pc.aws_name(r.doc, p.cls)
    imports += more
    return py.Call(cls, [(k, _code(r, v)) for k, v in fields])


def _camel_keys(d: cst.Dict) -> bool:
    """Whether a dict of properties spells its keys in camelCase (``{"pointInTimeRecovery": ...}``)."""
    return any(re.search(r"[a-z][A-Z]", pc.string_key(el.key) or "")
               for el in d.elements if isinstance(el, cst.DictElement))


def _add(r: _Resource, node, items: List[_Missing], imports: List[Edit], path: str = "") -> List[Edit]:
    """Edits adding ``items`` to ``node`` (import edits go to ``imports``)."""
    doc = r.doc
    if isinstance(node, cst.Call):
        kwargs = [(mi.prop.kw, _new_value(r, mi.prop, imports)) for mi in items]
        return add_kwargs(doc, node, r.cls, kwargs, path)
    if isinstance(node, cst.Dict):
        like = next((el.key for el in node.elements if isinstance(el, cst.DictElement)), None)
        camel_keys = _camel_keys(node)
        entries = [(py.str_code(doc, pc.camel(mi.prop.kw) if camel_keys else mi.prop.kw, like),
                    _new_value(r, mi.prop, imports, like)) for mi in items]
        return doc.add_dict_entries(node, entries)
    # a list missing its keyed entry
    out = []
    for mi in items:
        like = node.elements[0].value if node.elements else None
        entry = _new_entry(r, mi.prop, imports, like)
        if node.elements:
            out += doc.add_list_element(node, py.flat(entry))
        else:  # [] → [entry], opened black style when the line gets too long
            rng = doc.range(node)
            line = doc.lines.line_text(rng.start.line)
            indent = doc.lines.indent_of(rng.start.line)
            code = py.render(py.List([entry]), indent, rng.start.column, len(line) - rng.end.column, doc.layout())
            out += doc.replace_node(node, code)
    return out


def _parent_path(p: _Prop) -> str:
    return p.path.rpartition(".")[0]


def _overlap(edits: Sequence[Edit]) -> bool:
    spans = sorted((e.start, e.end) for e in edits)
    return any(b[0] < a[1] or a == b for a, b in pairwise(spans))


def _fix(r: _Resource, missing: List[_Missing], wrong: List[_Wrong]) -> List[Edit]:
    doc, site = r.doc, r.site
    imports: List[Edit] = []
    inner: List[Edit] = []
    for w in wrong:
        like = w.node if isinstance(w.node, cst.SimpleString) else None
        inner += doc.replace_node(w.node, py.flat(_new_value(r, w.prop, imports, like)))
    # what is missing, grouped by the node it goes into (in the order of the rule)
    groups: Dict[int, Tuple[cst.CSTNode, List[_Missing]]] = {}
    for mi in missing:
        groups.setdefault(id(mi.node), (mi.node, []))[1].append(mi)
    outer_call = pc.props_call(site)
    outer_items: List[_Missing] = []
    for node, items in groups.values():
        if node is outer_call:
            outer_items = items
        else:
            inner += _add(r, node, items, imports, _parent_path(items[0].prop))
    cannot = f"cannot make these changes to '{pc.display(site)}' at once; add them by hand"
    if _overlap(inner):
        raise FixError(cannot)
    if not outer_items:
        return py.dedupe(imports + inner)
    outer = _add(r, outer_call, outer_items, imports)
    if not inner:
        return py.dedupe(imports + outer)
    # Nested changes first (they may lay the call out anew), then the new arguments in the
    # result: one edit replacing the resource call.
    start, end = doc.start(site.call), doc.end(site.call)
    if any(e.start < start or e.end > end for e in inner):
        raise FixError(cannot)
    text1 = apply_edits(doc.text, inner)
    doc1 = parse(text1, doc.language)
    site1 = next(s for s in doc1.calls(site.qualname) if doc1.start(s.call) == start)
    r1 = _Resource(doc1, site1, r.cls, r.rtype, r.params)
    text2 = apply_edits(text1, _add(r1, pc.props_call(site1), outer_items, []))
    tail = len(doc.text) - end
    return py.dedupe(imports + [Edit(start, end, text2[start:len(text2) - tail])])


# ---------------------------------------------------------------------- rules


def _rule(rule: spec.Rule, slug: str) -> List[Detector]:
    out = []
    for kind in rule.kinds:
        for cls, rtype in KINDS.get(kind, ()):
            props = _compile(cls, rtype, "", rule.require)
            if props:
                out.append(_detector(rule, slug, cls, rtype, props))
    return out


def _detector(rule: spec.Rule, slug: str, cls: str, rtype: str, props: Dict[str, _Prop]) -> Detector:
    def detect(doc, ctx):
        for site in pc.aws_calls(doc, cls):
            if pc.has_splat(site):
                continue
            r = _Resource(doc, site, cls, rtype, ctx.params)
            if rule.when is not None and not r.holds(rule.when):
                continue
            missing: List[_Missing] = []
            wrong: List[_Wrong] = []
            _check_call(r, pc.props_call(site), props, missing, wrong)
            if not missing and not wrong:
                continue
            yield Gap(
                **pc.where(site),
                resource_type=pc.rtype(site),
                resource_name=pc.label(site),
                message=_message(r, rule, missing, wrong),
                fix=lambda r=r, mi=missing, wr=wrong: _fix(r, mi, wr),
                unsafe=rule.unsafe or bool(wrong),
                detail=rule.detail or slug,
            )
    return detect


def detector(rules: Sequence[spec.Rule], slug: str) -> Optional[Detector]:
    """A detector for ``rules`` in Pulumi Python, or None when none applies."""
    parts = [d for rule in rules for d in _rule(rule, slug)]
    return combine(parts) if parts else None


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """A detector for the codemod's rules in Pulumi Python, or None when none applies."""
    return detector(cm.rules, cm.slug)
