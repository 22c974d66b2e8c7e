"""The interpreter: a codemod's rules checked on the constructs of a CDK Python file.

For each construct of a rule's kinds (``natives``) and each rule whose condition is known
to hold, the requirements are spelled the construct's way (neutral values resolved:
parameters, ``ByProp``, ``TheOnly``), checked against what the file says, and give one
``Gap`` (detail: the rule's, else the codemod's slug) whose fix writes every missing
argument at once and replaces the known wrong ones. CDK v1 files and constructs built
with ``**kwargs`` are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.lang.cdk.natives import FLAT, NOTHING, Arg, Native, Struct, natives, order_of, translate
from iacfix.codemods.lang.cdk.render import Renderer, add_kwargs
from iacfix.codemods.lang.cdk.values import Ref, literal, member_of
from iacfix.codemods.spec import (
    ABSENT, NO_HOOK, UNKNOWN, AtLeast, ByProp, Entry, Exactly, Explicit, Hook, Nested, Param, Rule, TheOnly,
    evaluate, label_of, message, number, off_phrase, same,
)
from iacfix.core import Edit, FixError, Gap, apply_edits
from iacfix.transforms.python import CallSite, PythonDoc, kwarg, parse

OK, MISSING, WRONG = "ok", "missing", "wrong"


# ----------------------------------------------------------------- compiled form
@dataclass
class Leaf:
    """One argument a requirement is about, its neutral value resolved."""

    name: str  # neutral path
    arg: Arg
    req: Any  # the requirement, for its kind
    value: Any
    accept: Tuple[Any, ...] = ()
    reject: Tuple[Any, ...] = ()
    minimum: Any = None
    label: str = ""
    off: str = ""


@dataclass
class Group:
    """A props object (``kwarg=Cls(...)``) or a list item (``kwarg=[Cls(key=...), ...]``)."""

    kwarg: str
    cls: str
    fields: List[Union[Leaf, "Group"]]
    order: Tuple[str, ...] = ()
    label: str = ""  # "": it has no name of its own, what is missing in it is named
    key: Optional[Tuple[str, Any]] = None  # a list item: (key argument, its value)


Node = Union[Leaf, Group]


# --------------------------------------------------------------------- the plan
@dataclass
class Plan:
    """What the fix changes in one call: arguments set (added, or replaced when given),
    props objects merged into, list items appended."""

    call: cst.Call
    order: Tuple[str, ...]
    sets: List[Tuple[str, Optional[cst.Arg], Callable[[Renderer], str]]] = field(default_factory=list)
    children: List["Plan"] = field(default_factory=list)
    appends: List[Tuple[cst.List, Callable[[Renderer], str]]] = field(default_factory=list)

    def set(self, name: str, arg: Optional[cst.Arg], render) -> None:
        if not any(k == name for k, _, _ in self.sets):
            self.sets.append((name, arg, render))

    def edits(self, doc: PythonDoc, r: Renderer, adds: bool = True, replaces: bool = True) -> List[Edit]:
        out, new = [], []
        for name, arg, render in self.sets:
            if arg is None:
                if adds:
                    new.append((name, render(r)))
            elif replaces:
                out += doc.replace_node(arg.value, render(r))
        for child in self.children:
            out += child.edits(doc, r, adds, replaces)
        if adds:
            for lst, render in self.appends:
                if not lst.elements:  # [] → [Item(...)], laid out to fit
                    start = doc.range(lst).start
                    indent = doc.lines.indent_of(start.line)
                    used = start.column - len(indent) + 1  # and a trailing comma
                    out += doc.replace_node(lst, doc.fit(f"[{render(r)}]", indent, used))
                else:
                    out += doc.add_list_element(lst, render(r))
        return out + add_kwargs(doc, self.call, new, self.order)


# ------------------------------------------------------------------ one construct
class Construct:
    """One construct of a native class, as the rules see it."""

    def __init__(self, doc: PythonDoc, site: CallSite, native: Native, params: Mapping[str, Any],
                 the_only: Mapping[TheOnly, Tuple[str, ...]] = {}):
        self.doc, self.site, self.native, self.params = doc, site, native, params
        self.names = _names(doc, site, native)
        self.the_only = the_only  # TheOnly → the neutral paths it is written to

    # -------------------------------------------------------------- naming
    def resource_type(self) -> str:
        """How a finding names the construct's class (``aws_kms.Key``)."""
        return self.site.qualname.replace("aws_cdk.", "", 1)

    def display_name(self) -> str:
        """How a finding names the construct (its id as a reader sees it)."""
        return common.name_of(self.site)

    def fix(self, rule: Rule, plan: "Plan") -> List[Edit]:
        """The edits of ``plan`` (a check of ``rule``) on this construct."""
        return _fix(self, rule, plan)

    # -------------------------------------------------------------- reading
    def applies(self) -> bool:
        """Is the construct of the kind here (a REST API that deploys a stage)?"""
        if self.native.when is None:
            return True

        def own(name):  # the construct's own arguments, by their native names
            arg = kwarg(self.site.call, name)
            return literal(arg.value) if arg is not None else ABSENT

        return evaluate(self.native.when, own, self.params, _no_hook) is True

    def top(self):
        """The call the kind's properties are arguments of (ABSENT, UNKNOWN: no such call)."""
        if self.native.within is None:
            return self.site.call
        return self._inside(self.site.call, self.native.within)

    def _inside(self, call, struct: Struct):
        if call is ABSENT or call is UNKNOWN:
            return call
        arg = kwarg(call, struct.kwarg)
        if arg is None:
            return ABSENT
        return arg.value if _is_call_of(self.doc, arg.value, struct.cls) else UNKNOWN

    def read(self, path: str) -> Any:
        """The neutral value of ``path``: a literal, ABSENT or UNKNOWN."""
        call = self.top()
        parts = path.split(".")
        for i in range(1, len(parts)):
            s = self.native.spell(".".join(parts[:i]), "struct", self.names)
            if s is None:
                return ABSENT
            if isinstance(s, Struct):
                call = self._inside(call, s)
        s = self.native.spell(path, "leaf", self.names)
        if not isinstance(s, Arg):
            return ABSENT
        if s.within is not None:
            call = self._inside(call, s.within)
        if call is UNKNOWN:
            return UNKNOWN
        return self.leaf_value(None if call is ABSENT else call, s)[0]

    def leaf_value(self, call: Optional[cst.Call], s: Arg) -> Tuple[Any, Optional[cst.Arg]]:
        arg = kwarg(call, s.kwarg) if call is not None else None
        if arg is not None:
            return s.codec.decode(self.doc, arg.value), arg
        for name, codec in s.implied:
            other = kwarg(call, name) if call is not None else None
            if other is not None:
                v = codec.decode(self.doc, other.value)
                if v is not ABSENT:
                    return v, None
        return (ABSENT if s.default is NOTHING else s.default), None

    def holds(self, cond) -> Optional[bool]:
        return evaluate(cond, self.read, self.params, self.hook, self.resolve)

    def hook(self, h: Hook) -> Any:
        fn = HOOKS.get(h.name)
        return NO_HOOK if fn is None else fn(self)

    def member(self, name: str, enum: str) -> Optional[str]:
        """The member of ``enum`` (its Python qualname) the argument ``name`` names, else None."""
        arg = kwarg(self.site.call, name)
        return member_of(self.doc, arg.value, enum) if arg is not None else None

    # ------------------------------------------------------------ resolving
    def resolve(self, value: Any) -> Any:
        """A requirement's value for this construct; None: nothing to write."""
        if isinstance(value, Param):
            v = self.params.get(value.name)
            return None if v is None or v == "" or v == [] or v == () else v
        if isinstance(value, ByProp):
            return value.pick(self.read(value.prop))
        if isinstance(value, TheOnly):
            return self._the_only(value)
        if isinstance(value, Hook):
            return None
        return value

    def _the_only(self, value: TheOnly) -> Optional[Ref]:
        """The file's only construct of the kind, a variable defined before this construct
        in the same function, when every property it is written to here can take it."""
        classes = tuple(n.qualname for n in natives(value.kind))
        # asked by every construct of the file: the calls of the kind listed once per document
        found = self.doc.memo(("calls", classes), lambda: self.doc.calls(*classes))
        if len(found) != 1 or not found[0].target:
            return None
        other = found[0]
        fn = self.doc.enclosing(self.site.call, cst.FunctionDef)
        if self.doc.enclosing(other.call, cst.FunctionDef) is not fn or other.end_line >= self.site.line:
            return None
        ref = Ref(other.target, other.qualname, value.attr)
        for path in self.the_only.get(value, ()):
            s = self.native.spell(path, "leaf", self.names)
            if isinstance(s, Arg) and not s.codec.can_encode(ref):
                return None
        return ref

    # ------------------------------------------------------------- compiling
    def compile(self, require: Mapping[str, Any]) -> List[Node]:
        """The requirements that apply here, spelled the construct's way."""
        nodes: List[Node] = []
        for name, req in require.items():
            nodes += self._compile(name, req)
        nodes = _merge(nodes)
        if self.native.within is not None and nodes:
            w = self.native.within
            nodes = [Group(w.kwarg, w.cls, nodes, order_of(w.cls))]
        return nodes

    def _compile(self, name: str, req) -> List[Node]:
        if req.when is not None and self.holds(req.when) is not True:
            return []
        if isinstance(req, (Nested, Entry)):
            s = self.native.spell(name, "struct" if isinstance(req, Nested) else "items", self.names)
            if s is None:
                return []
            fields: List[Node] = []
            for k, r in req.fields.items():
                fields += self._compile(f"{name}.{k}", r)
            fields = _merge(fields)
            if s is FLAT:
                return fields
            if not fields and isinstance(req, Nested):
                return []
            key = None
            if isinstance(req, Entry):
                ks = self.native.spell(f"{name}.{req.key}", "leaf", self.names)
                key = (ks.kwarg if isinstance(ks, Arg) else req.key, self.resolve(req.key_value))
            order = translate(f"{self.native.kind}.{name}", self.native, self.names, prefix=name + ".")
            return [Group(s.kwarg, s.cls, fields, order, label_of(name, req), key)]
        s = self.native.spell(name, "leaf", self.names)
        if not isinstance(s, Arg):
            return []
        value = self.resolve(req.value)
        if value is None or not s.codec.can_encode(value):
            return []
        leaf = Leaf(name, s, req, value, label=label_of(name, req), off=off_phrase(name, req))
        if isinstance(req, Exactly):
            leaf.accept = tuple(self.resolve(a) for a in req.accept)
        elif isinstance(req, Explicit):
            leaf.reject = tuple(self.resolve(a) for a in req.reject)
        elif isinstance(req, AtLeast):
            leaf.minimum = number(self.resolve(req.minimum))
            if leaf.minimum is None:
                return []
        if s.within is not None:
            return [Group(s.within.kwarg, s.within.cls, [leaf], order_of(s.within.cls))]
        return [leaf]

    # -------------------------------------------------------------- checking
    def check(self, nodes: List[Node]):
        """(missing labels, wrong (off, setting) pairs, plan) of the construct."""
        missing: List[str] = []
        wrong: List[Tuple[str, str]] = []
        plan = Plan(self.site.call, translate(self.native.kind, self.native, self.names)
                    if self.native.within is None else ())
        self._check(self.site.call, nodes, plan, missing, wrong)
        return missing, wrong, plan

    def _check(self, call: cst.Call, nodes: Sequence[Node], plan: Plan, missing, wrong) -> None:
        doc = self.doc
        for n in nodes:
            if isinstance(n, Leaf):
                v, arg = self.leaf_value(call, n.arg)
                st = _status(n, v, chosen=arg is not None or any(kwarg(call, k) for k, _ in n.arg.implied))
                if st == OK:
                    continue
                if st == MISSING:
                    missing.append(n.label)
                else:
                    wrong.append((n.off, f"{n.arg.kwarg}={doc.source(arg.value)}" if arg else n.arg.kwarg))
                given = arg if arg is not None else kwarg(call, n.arg.kwarg)
                plan.set(n.arg.kwarg, given, lambda r, n=n: n.arg.codec.encode(n.value, r))
                if given is None:
                    for k, native_value in n.arg.also:
                        if kwarg(call, k) is None:
                            plan.set(k, None, lambda r, v=native_value: r.value(v))
                continue
            arg = kwarg(call, n.kwarg)
            if arg is None:
                missing.extend([n.label] if n.label else _labels(n))
                plan.set(n.kwarg, None, lambda r, n=n: self.render_group(n, r))
                continue
            if n.key is None:
                if not _is_call_of(doc, arg.value, n.cls):
                    continue  # a props object built elsewhere: unknown
                sub = Plan(arg.value, n.order)
                plan.children.append(sub)
                self._check(arg.value, n.fields, sub, missing, wrong)
                continue
            item = self._find_item(arg.value, n)
            if item is UNKNOWN:
                continue
            if item is None:
                missing.extend([n.label] if n.label else _labels(n))
                plan.appends.append((arg.value, lambda r, n=n: self.render_item(n, r)))
                continue
            sub = Plan(item, n.order)
            plan.children.append(sub)
            self._check(item, n.fields, sub, missing, wrong)

    def _find_item(self, node, g: Group):
        """The list item with the group's key, None when the list has none, UNKNOWN when
        the list cannot be read."""
        if not isinstance(node, cst.List):
            return UNKNOWN
        key_arg, key_value = g.key
        found = None
        for el in node.elements:
            if not isinstance(el, cst.Element) or not _is_call_of(self.doc, el.value, g.cls):
                return UNKNOWN
            k = kwarg(el.value, key_arg)
            v = literal(k.value) if k is not None else UNKNOWN
            if v is UNKNOWN or v is ABSENT:
                return UNKNOWN
            if same(v, key_value):
                found = el.value
        return found

    # ------------------------------------------------------------- rendering
    def render_group(self, g: Group, r: Renderer) -> str:
        if g.key is not None:
            return f"[{self.render_item(g, r)}]"
        return r.call(g.cls, self._args(g, r))

    def render_item(self, g: Group, r: Renderer) -> str:
        return r.call(g.cls, [(g.key[0], r.value(g.key[1]))] + self._args(g, r))

    def _args(self, g: Group, r: Renderer) -> List[Tuple[str, str]]:
        args: List[Tuple[str, str]] = []
        for n in g.fields:
            if isinstance(n, Leaf):
                args.append((n.arg.kwarg, n.arg.codec.encode(n.value, r)))
                args += [(k, r.value(v)) for k, v in n.arg.also if all(k != a for a, _ in args)]
            else:
                args.append((n.kwarg, self.render_group(n, r)))
        rank = {k: i for i, k in enumerate(g.order)}
        return sorted(args, key=lambda kv: rank.get(kv[0], len(rank)))


def _status(n: Leaf, v: Any, chosen: bool = True) -> str:
    """OK, MISSING or WRONG. A value the file did not choose (``chosen`` false: the class's
    default) that the rule does not accept is MISSING: writing the value is a safe fix."""
    if v is ABSENT:
        return MISSING
    st = _judge(n, v)
    return MISSING if st == WRONG and not chosen else st


def _judge(n: Leaf, v: Any) -> str:
    if isinstance(n.req, Exactly):
        if v is UNKNOWN:
            return OK
        return OK if any(same(v, w) for w in (n.value, *n.accept)) else WRONG
    if isinstance(n.req, Explicit):
        return WRONG if v is not UNKNOWN and any(same(v, w) for w in n.reject) else OK
    if isinstance(n.req, AtLeast):
        have = number(v) if v is not UNKNOWN else None
        return WRONG if have is not None and have < n.minimum else OK
    raise TypeError(f"not a requirement: {n.req!r}")


def _labels(g: Group) -> List[str]:
    out: List[str] = []
    for n in g.fields:
        if isinstance(n, Leaf):
            out.append(n.label)
        else:
            out += [n.label] if n.label else _labels(n)
    return out


def _merge(nodes: List[Node]) -> List[Node]:
    """Groups of one argument (props objects several leaves live in) as one."""
    out: List[Node] = []
    for n in nodes:
        same_arg = next((o for o in out if isinstance(o, Group) and isinstance(n, Group) and o.kwarg == n.kwarg
                         and o.key is None and n.key is None), None)
        if same_arg is not None:
            same_arg.fields = _merge(same_arg.fields + n.fields)
            same_arg.label = same_arg.label or n.label
        else:
            out.append(n)
    return out


def _is_call_of(doc: PythonDoc, node, qualname: str) -> bool:
    return isinstance(node, cst.Call) and qualname in doc.qualified_names(node.func) and not any(
        a.star for a in node.args
    )


def _no_hook(h):
    return NO_HOOK


# Hook name → fn(construct): facts a construct states beside its properties, read the
# same in Python and Go (``Construct.member``).
HOOKS: Dict[str, Callable[["Construct"], Any]] = {
    # removal_policy=RemovalPolicy.DESTROY (common.aws.DESTROYED_WITH_STACK)
    "destroyed_with_stack": lambda c: c.member("removal_policy", "aws_cdk.RemovalPolicy") == "DESTROY",
}


def _names(doc: PythonDoc, site: CallSite, native: Native) -> Mapping[str, Any]:
    """The construct's names: the native's, or its legacy ones when the file uses them."""
    lg = native.legacy
    if lg is None or site.kwarg(lg.prefer) is not None:
        return native.names
    if site.kwarg(lg.flag) is not None or lg.flag in doc.keyword_args:
        return {**native.names, **lg.names}
    return native.names


# ------------------------------------------------------------------- detectors
def the_only_paths(rules: Iterable[Rule]) -> Dict[TheOnly, Tuple[str, ...]]:
    """Each ``TheOnly`` of the rules → the neutral paths it is written to."""
    out: Dict[TheOnly, Tuple[str, ...]] = {}

    def walk(name, req):
        if isinstance(req, (Nested, Entry)):
            for k, r in req.fields.items():
                walk(f"{name}.{k}", r)
        elif isinstance(req.value, TheOnly):
            out[req.value] = out.get(req.value, ()) + (name,)

    for rule in rules:
        for name, req in rule.require.items():
            walk(name, req)
    return out


def _leaf_paths(require: Mapping[str, Any], prefix: str = "") -> List[Tuple[str, str]]:
    out = []
    for name, req in require.items():
        path = prefix + name
        if isinstance(req, (Nested, Entry)):
            out.append((path, "struct" if isinstance(req, Nested) else "items"))
            out += _leaf_paths(req.fields, path + ".")
        else:
            out.append((path, "leaf"))
    return out


def spelled(rule: Rule, native: Native) -> bool:
    """Does ``native`` have any property ``rule`` requires?"""
    paths = _leaf_paths(rule.require)
    names = dict(native.names)
    if native.legacy is not None:
        names.update(native.legacy.names)
    return any(isinstance(native.spell(p, "leaf", n), Arg) for p, shape in paths if shape == "leaf"
               for n in (native.names, names))


def detector(rules: Sequence[Rule], slug: str):
    """A detector for ``rules`` in CDK Python (None when no CDK class has anything they
    require); gaps without a detail of their own get ``slug``."""
    targets: Dict[str, Tuple[Native, List[Rule]]] = {}
    for rule in rules:
        for kind in rule.kinds:
            for native in natives(kind):
                if spelled(rule, native):
                    targets.setdefault(native.qualname, (native, []))[1].append(rule)
    if not targets:
        return None
    the_only = the_only_paths(rules)

    def detect(doc, ctx):
        if common.is_cdk_v1(doc):
            return
        for site in doc.calls(*targets):
            if site.has_star_kwargs():
                continue
            native, native_rules = targets[site.qualname]
            c = Construct(doc, site, native, ctx.params, the_only)
            if not c.applies():
                continue
            for rule in native_rules:
                gap = check(c, rule, rule.detail or slug)
                if gap is not None:
                    yield gap

    return detect


def check(c: Construct, rule: Rule, detail: str) -> Optional[Gap]:
    """The Gap of one construct for one rule, or None when it complies or is unknown."""
    if c.holds(rule.when) is not True:
        return None
    nodes = c.compile(rule.require)
    if not nodes:
        return None
    missing, wrong, plan = c.check(nodes)
    if not missing and not wrong:
        return None
    site = c.site
    name = c.display_name()
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=c.resource_type(),
        resource_name=name,
        message=message(rule.what, name, missing, wrong, rule.note),
        fix=lambda: c.fix(rule, plan),
        unsafe=bool(wrong) or rule.unsafe,
        detail=detail,
    )


def _fix(c: Construct, rule: Rule, plan: Plan) -> List[Edit]:
    doc, site = c.doc, c.site
    r = Renderer(doc, site)
    edits = plan.edits(doc, r)
    try:
        apply_edits(doc.text, edits)
    except ValueError:  # a replaced value where the new arguments go (the call is laid out anew)
        return r.import_edits() + _in_two_steps(c, rule, plan, r)
    return r.import_edits() + edits


def _in_two_steps(c: Construct, rule: Rule, plan: Plan, r: Renderer) -> List[Edit]:
    """Replace the wrong values, then add what is missing to the re-parsed call: one edit
    for the whole call. (``r`` has already rendered every value: the imports are its.)"""
    doc, site = c.doc, c.site
    start, end = doc.start(site.call), doc.end(site.call)
    text = apply_edits(doc.text, plan.edits(doc, r, adds=False))
    doc2 = parse(text)
    site2 = next((s for s in doc2.calls(site.qualname) if doc2.start(s.call) == start), None)
    if site2 is None:
        raise FixError("the construct moved while its values were replaced")
    c2 = Construct(doc2, site2, c.native, c.params, c.the_only)
    _, _, plan2 = c2.check(c2.compile(rule.require))
    r2 = Renderer(doc2, site2)
    r2.imports = {k: [] for k in r.imports}
    text = apply_edits(text, plan2.edits(doc2, r2, replaces=False))
    if r2.import_edits():
        raise FixError("unexpected import while adding arguments")
    return [Edit(start, end, text[start: end + len(text) - len(doc.text)])]
