"""A codemod's rules checked on the constructs of a CDK Go file.

The CDK Python interpreter's construct (``lang.cdk.interpret.Construct``) does the
spelling-independent work (which requirements apply, their values resolved); this
subclass reads and writes the Go way: a construct is ``<pkg>.New<Type>(scope, id, props)``
with ``props`` a ``&<pkg>.<Type>Props{...}`` literal or ``nil``; a keyword argument is a
PascalCase field; a props object is a nested literal. Constructs whose props are built
elsewhere (``&props``, a variable) are left alone, as CDK Python leaves ``**kwargs``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from iacfix.codemods.lang.cdk.interpret import (
    MISSING, OK, Construct, Group, Leaf, Node, _labels, _no_hook, _status, check, spelled, the_only_paths,
)
from iacfix.codemods.lang.cdk.natives import Arg, Native, Struct, natives, translate
from iacfix.codemods.lang.cdk.render import TRAILING
from iacfix.codemods.lang.cdk.values import Ref
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.values import Renderer, decode, encode, literal, member_of
from iacfix.codemods.spec import ABSENT, UNKNOWN, Rule, TheOnly, evaluate
from iacfix.core import Edit
from iacfix.transforms.go import CallSite, Field, GoDoc, GoList, GoLit, Literal


# --------------------------------------------------------------------- the plan
@dataclass
class Plan:
    """What the fix changes in one literal: fields set (added, or replaced when given) and
    nested literals changed. ``lit`` None: the props argument is ``nil`` (``nil`` node)."""

    lit: Optional[Literal]
    order: Tuple[str, ...]  # Go field names
    nil: Any = None
    props_type: Optional[str] = None  # the props class (Python qualname of the construct)
    sets: List[Tuple[str, Optional[Field], Callable[[Renderer], Any]]] = field(default_factory=list)
    children: List["Plan"] = field(default_factory=list)

    def set(self, name: str, given: Optional[Field], render) -> None:
        if not any(k == name for k, _, _ in self.sets):
            self.sets.append((name, given, render))

    def edits(self, doc: GoDoc, r: Renderer) -> List[Edit]:
        out: List[Edit] = []
        new: List[Tuple[str, Any]] = []
        replaced = []
        for name, given, render in self.sets:
            if given is None:
                new.append((name, render(r)))
            else:
                replaced.append((given, render(r)))
        for child in self.children:
            out += child.edits(doc, r)
        new.sort(key=lambda kv: _rank(kv[0], self.order, new=True))
        if self.lit is None:
            out += [e for given, value in replaced for e in doc.replace(given.value, value)]
            if not new:
                return out
            path, name = names.props(self.props_type)
            return out + doc.nil_to_literal(self.nil, GoLit(f"{r.pkg(path)}.{name}", tuple(new)))
        # one change: trailing comments realigned as the values change, a long line laid out again
        placed = [(_anchor(self.lit, k, self.order), k, v) for k, v in new]
        return out + doc.edit_fields(self.lit, replaced, (), placed)


GO_TRAILING = frozenset(names.field(k) for k in TRAILING)


def _rank(name: Optional[str], order: Sequence[str], new: bool = False) -> Optional[float]:
    if name in order:
        return order.index(name)
    if name in GO_TRAILING:
        return len(order)
    return len(order) - 0.5 if new else None


def _anchor(lit: Literal, name: str, order: Sequence[str]) -> Optional[Field]:
    """The field the new ``name`` goes before (None: the end), as in CDK Python."""
    mine = _rank(name, order, new=True)
    fields = lit.fields if lit.plain else []
    i = len(fields)
    while i > 0:
        r = _rank(fields[i - 1].key, order)
        if r is None or r <= mine:
            break
        i -= 1
    return None if i == len(fields) else fields[i]


def go_order(order: Sequence[str]) -> Tuple[str, ...]:
    return tuple(names.field(k) for k in order)


# ------------------------------------------------------------------ one construct
class GoConstruct(Construct):
    """One construct of a native class in a CDK Go file."""

    def __init__(self, doc: GoDoc, site: CallSite, native: Native, params: Mapping[str, Any],
                 the_only: Mapping[TheOnly, Tuple[str, ...]], lit: Optional[Literal], nil):
        self.doc, self.site, self.native, self.params = doc, site, native, params
        self.the_only = the_only
        self.lit, self.nil = lit, nil
        self.names = self._names()

    def _names(self):
        lg = self.native.legacy
        if lg is None or (self.lit is not None and self.lit.field(names.field(lg.prefer)) is not None):
            return self.native.names
        flag = names.field(lg.flag)
        if (self.lit is not None and self.lit.field(flag) is not None) or _file_uses_field(self.doc, flag):
            return {**self.native.names, **lg.names}
        return self.native.names

    # -------------------------------------------------------------- naming
    def resource_type(self) -> str:
        pkg = self.doc.name_for(self.site.path) or self.site.path.rpartition("/")[2]
        return f"{pkg}.{self.site.func[len('New'):]}"

    def display_name(self) -> str:
        return name_of(self)

    def fix(self, rule: Rule, plan: Plan) -> List[Edit]:
        return _fix(self, plan)

    # -------------------------------------------------------------- reading
    def member(self, name: str, enum: str) -> Optional[str]:
        f = self.lit.field(names.field(name)) if self.lit is not None else None
        return member_of(self.doc, f.value, enum) if f is not None else None

    def applies(self) -> bool:
        if self.native.when is None:
            return True

        def own(name):
            f = self.lit.field(names.field(name)) if self.lit is not None else None
            return literal(self.doc, f.value) if f is not None else ABSENT

        return evaluate(self.native.when, own, self.params, _no_hook) is True

    def top(self):
        lit = self.lit if self.lit is not None else ABSENT
        if self.native.within is None:
            return lit
        return self._inside(lit, self.native.within)

    def _inside(self, lit, struct: Struct):
        if lit is ABSENT or lit is UNKNOWN:
            return lit
        f = lit.field(names.field(struct.kwarg))
        if f is None or literal(self.doc, f.value) is ABSENT:
            return ABSENT
        inner = self.doc.literal(f.value)
        return inner if inner is not None and _is_type(inner, struct.cls) else UNKNOWN

    def leaf_value(self, lit, s: Arg):
        f = lit.field(names.field(s.kwarg)) if lit is not None else None
        if f is not None:
            return decode(s.codec, self.doc, f.value), f
        for name, codec in s.implied:
            other = lit.field(names.field(name)) if lit is not None else None
            if other is not None:
                v = decode(codec, self.doc, other.value)
                if v is not ABSENT:
                    return v, None
        from iacfix.codemods.lang.cdk.natives import NOTHING

        return (ABSENT if s.default is NOTHING else s.default), None

    def _the_only(self, value: TheOnly) -> Optional[Ref]:
        ctors = {names.constructor(n.qualname): n.qualname for n in natives(value.kind)}
        found = [s for s in self.doc.calls() if (s.path, s.func) in ctors]
        if len(found) != 1 or not found[0].target:
            return None
        other = found[0]
        if self.doc.enclosing_function(other.call) != self.doc.enclosing_function(self.site.call) \
                or other.end_line >= self.site.line:
            return None
        ref = Ref(other.target, ctors[(other.path, other.func)], value.attr)
        for path in self.the_only.get(value, ()):
            s = self.native.spell(path, "leaf", self.names)
            if isinstance(s, Arg) and not s.codec.can_encode(ref):
                return None
        return ref

    # -------------------------------------------------------------- checking
    def check(self, nodes: List[Node]):
        missing: List[str] = []
        wrong: List[Tuple[str, str]] = []
        order = translate(self.native.kind, self.native, self.names) if self.native.within is None else ()
        plan = Plan(self.lit, go_order(order), nil=self.nil, props_type=self.native.qualname)
        self._check(self.lit, nodes, plan, missing, wrong)
        return missing, wrong, plan

    def _check(self, lit: Optional[Literal], nodes: Sequence[Node], plan: Plan, missing, wrong) -> None:
        doc = self.doc
        for n in nodes:
            if isinstance(n, Leaf):
                v, f = self.leaf_value(lit, n.arg)
                st = _status(n, v, chosen=f is not None or (lit is not None and any(
                    lit.field(names.field(k)) is not None for k, _ in n.arg.implied)))
                if st == OK:
                    continue
                name = names.field(n.arg.kwarg)
                if st == MISSING:
                    missing.append(n.label)
                else:
                    wrong.append((n.off, f"{name}: {doc.source(f.value)}" if f is not None else name))
                given = f if f is not None else (lit.field(name) if lit is not None else None)
                plan.set(name, given, lambda r, n=n: encode(n.arg.codec, n.value, r))
                if given is None:
                    for k, native_value in n.arg.also:
                        if lit is None or lit.field(names.field(k)) is None:
                            plan.set(names.field(k), None, lambda r, v=native_value: r.value(v))
                continue
            name = names.field(n.kwarg)
            f = lit.field(name) if lit is not None else None
            if f is None or literal(doc, f.value) is ABSENT:
                missing.extend([n.label] if n.label else _labels(n))
                plan.set(name, f, lambda r, n=n: self.render_group(n, r))
                continue
            if n.key is not None:
                continue  # the items of an existing list are not read yet: unknown
            inner = doc.literal(f.value)
            if inner is None or not _is_type(inner, n.cls) or not inner.plain:
                continue  # a props object built elsewhere: unknown
            sub = Plan(inner, go_order(n.order))
            plan.children.append(sub)
            self._check(inner, n.fields, sub, missing, wrong)

    # ------------------------------------------------------------- rendering
    def render_group(self, g: Group, r: Renderer):
        if g.key is not None:
            return GoList("interface{}", (self.render_item(g, r),))
        return GoLit(r.type(g.cls), tuple(self._args(g, r)))

    def render_item(self, g: Group, r: Renderer):
        key = (names.field(g.key[0]), r.value(g.key[1]))
        return GoLit(r.type(g.cls), (key,) + tuple(self._args(g, r)))

    def _args(self, g: Group, r: Renderer) -> List[Tuple[str, Any]]:
        args: List[Tuple[str, Any]] = []
        for n in g.fields:
            if isinstance(n, Leaf):
                args.append((names.field(n.arg.kwarg), encode(n.arg.codec, n.value, r)))
                args += [(names.field(k), r.value(v)) for k, v in n.arg.also
                         if all(names.field(k) != a for a, _ in args)]
            else:
                args.append((names.field(n.kwarg), self.render_group(n, r)))
        order = go_order(g.order)
        rank = {k: i for i, k in enumerate(order)}
        return sorted(args, key=lambda kv: rank.get(kv[0], len(rank)))


def _is_type(lit: Literal, qualname: str) -> bool:
    return (lit.type_path, lit.type_name) == names.split(qualname)


def _file_uses_field(doc: GoDoc, key: str) -> bool:
    cache = doc.__dict__.setdefault("_keys", None)
    if cache is None:
        from iacfix.transforms.go import _walk_type

        cache = set()
        for el in _walk_type(doc.tree.root_node, "keyed_element"):
            k = el.child_by_field_name("key")
            if k is not None:
                cache.add(doc.source(k))
        doc._keys = cache
    return key in cache


# ------------------------------------------------------------------- detectors
def detector(rules: Sequence[Rule], slug: str):
    """A detector for ``rules`` in CDK Go (None when no CDK class has anything they
    require); gaps without a detail of their own get ``slug``."""
    targets: Dict[Tuple[str, str], Tuple[Native, List[Rule]]] = {}
    for rule in rules:
        for kind in rule.kinds:
            for native in natives(kind):
                if spelled(rule, native):
                    targets.setdefault(names.constructor(native.qualname), (native, []))[1].append(rule)
    if not targets:
        return None
    the_only = the_only_paths(rules)

    def detect(doc: GoDoc, ctx):
        for site in doc.calls():
            key = (site.path, site.func)
            if key not in targets or len(site.args) != 3:
                continue
            native, native_rules = targets[key]
            props = site.args[2]
            lit, nil = doc.literal(props), None
            if lit is None:
                if props.type != "nil":
                    continue  # props built elsewhere: unknown
                nil = props
            elif not lit.plain or (lit.type_path, lit.type_name) != names.props(native.qualname):
                continue
            c = GoConstruct(doc, site, native, ctx.params, the_only, lit, nil)
            if not c.applies():
                continue
            for rule in native_rules:
                gap = check(c, rule, rule.detail or slug)
                if gap is not None:
                    yield gap

    return detect


def name_of(c: GoConstruct) -> str:
    """The construct id as a reader sees it (``jsii.String("Id")``), else its variable."""
    return site_name(c.site)


def site_name(site: CallSite) -> str:
    """The construct id of ``<pkg>.New<Type>(scope, id, ...)`` as a reader sees it, else its variable."""
    node = site.arg(1)
    if node is not None:
        v = literal(site.doc, node)
        if isinstance(v, str):
            return v
    return site.target or site.func[len("New"):]


RETAIN = ("RemovalPolicy_RETAIN", "RemovalPolicy_RETAIN_ON_UPDATE_OR_DELETE")


def retained(doc: GoDoc) -> set:
    """(resource type, name) of the constructs CDK gives ``UpdateReplacePolicy: Retain``:
    ``RemovalPolicy: awscdk.RemovalPolicy_RETAIN`` in their props, or a later
    ``<variable>.ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN)``. No fix may replace them."""
    from iacfix.transforms.go import CDK, _walk_type

    def is_retain(node) -> bool:
        sel = doc.selector(node)
        return sel is not None and sel[0] == CDK and sel[1] in RETAIN

    applied = set()
    for node in _walk_type(doc.tree.root_node, "call_expression"):
        fn = node.child_by_field_name("function")
        if fn is None or fn.type != "selector_expression" or doc.source(fn.child_by_field_name("field")) != "ApplyRemovalPolicy":
            continue
        args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
        operand = fn.child_by_field_name("operand")
        if args and is_retain(args[0]) and operand is not None and operand.type == "identifier":
            applied.add(doc.source(operand))
    out = set()
    for site in doc.calls():
        if not site.func.startswith("New") or len(site.args) != 3:
            continue
        lit = doc.literal(site.args[2])
        rp = lit.field("RemovalPolicy") if lit is not None else None
        if (rp is not None and is_retain(rp.value)) or (site.target is not None and site.target in applied):
            pkg = doc.name_for(site.path) or site.path.rpartition("/")[2]
            out.add((f"{pkg}.{site.func[len('New'):]}", site_name(site)))
    return out


def _fix(c: GoConstruct, plan: Plan) -> List[Edit]:
    r = Renderer(c.doc)
    edits = plan.edits(c.doc, r)
    return r.import_edits() + edits
