"""The neutral view of a construct call (``lang.view``) on CDK Go source (tree-sitter):
``<pkg>.New<Class>(scope, id, &<pkg>.<Class>Props{...})``, the neutral names spelled as
``lang.go.names`` says."""

from __future__ import annotations

import json
import re
from typing import Any, Collection, List, Optional, Sequence, Tuple

from iacfix.codemods.common import go as common
from iacfix.codemods.common.cdk import add_word_to_name, num_code, variable_for
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.go.interpret import _anchor, go_order
from iacfix.codemods.lang.go.values import Renderer, literal, member_of
from iacfix.codemods.lang.cdk.render import Call
from iacfix.codemods.lang.view import (
    Arg, CdkFile, ConstructCall, Expr, Json, MethodCall, New, Part, Props, StackScope,
)
from iacfix.codemods.spec import ABSENT, UNKNOWN
from iacfix.core import Edit, FixError
from iacfix.transforms.go import (
    CDK, JSII, CallSite, GoCall, GoDoc, GoList, GoLit, Literal, _target, _walk_type, go_string, render,
)


def _norm(doc: GoDoc, node) -> str:
    return re.sub(r"\s+", "", doc.source(node))


def _args(call) -> list:
    return [c for c in call.child_by_field_name("arguments").named_children if c.type != "comment"]


def _slice(doc: GoDoc, node):
    """The ``{...}`` body and the items of a slice literal ``[]T{...}`` (with or without ``&``), else None."""
    if node is not None and node.type == "unary_expression" and doc.source(node.child_by_field_name("operator")) == "&":
        node = node.child_by_field_name("operand")
    if node is None or node.type != "composite_literal" or node.child_by_field_name("type").type != "slice_type":
        return None
    body = node.child_by_field_name("body")
    return body, [c.named_children[0] if c.type == "literal_element" and c.named_children else c
                  for c in body.named_children if c.type != "comment"]


def _element_type(doc: GoDoc, node) -> Optional[Tuple[Optional[str], str]]:
    """(import path, name) of the element type of a slice literal ``[]*pkg.T{...}`` /
    ``[]pkg.T{...}`` (its elements may leave the type out), else None."""
    if node.type == "unary_expression":
        node = node.child_by_field_name("operand")
    typ = node.child_by_field_name("type").child_by_field_name("element")
    if typ is not None and typ.type == "pointer_type":
        typ = typ.named_children[0] if typ.named_children else None
    if typ is None or typ.type != "qualified_type":
        return None
    return doc.selector(typ)


class GoArg(Arg):
    def __init__(self, doc: GoDoc, node):
        self.doc, self.node = doc, node

    @property
    def value(self) -> Any:
        return literal(self.doc, self.node)

    def member(self, enum: str) -> Optional[str]:
        return member_of(self.doc, self.node, enum)

    def ref(self, attrs: Sequence[str] = ()) -> str:
        v = _norm(self.doc, self.node)
        return re.sub(rf"\.({'|'.join(names.field(a) for a in attrs)})\(\)$", "", v) if attrs else v

    def entry(self, key: str) -> Optional[Arg]:
        node = self.node
        if node.type != "composite_literal" or node.child_by_field_name("body") is None:
            return None  # map[string]interface{}{"Key": value}
        for el in node.child_by_field_name("body").named_children:
            k, v = el.child_by_field_name("key"), el.child_by_field_name("value")
            if el.type != "keyed_element" or k is None or v is None:
                continue
            kid = k.named_children[0] if k.named_children else k
            if literal(self.doc, kid) == key:
                return GoArg(self.doc, v.named_children[0] if v.type == "literal_element" and v.named_children else v)
        return None

    def keys(self) -> Optional[set]:
        node = self.node
        if node.type == "unary_expression" and self.doc.source(node.child_by_field_name("operator")) == "&":
            node = node.child_by_field_name("operand")
        if node is None or node.type != "composite_literal" or node.child_by_field_name("type").type != "map_type":
            return None
        keys = set()
        for el in node.child_by_field_name("body").named_children:
            if el.type == "comment":
                continue
            k = el.child_by_field_name("key") if el.type == "keyed_element" else None
            v = literal(self.doc, k.named_children[0]) if k is not None and k.named_children else None
            if not isinstance(v, str):
                return None
            keys.add(v)
        return keys

    def variable(self, attrs: Sequence[str] = ()) -> Optional[str]:
        code, getter = _norm(self.doc, self.node), rf"\.({'|'.join(names.field(a) for a in attrs)})\(\)$"
        while attrs and re.search(getter, code):
            code = re.sub(getter, "", code)
        return code if re.fullmatch(r"[A-Za-z_][\w.]*", code) else None

    def call(self, *qualnames: str) -> Optional[Tuple[str, List[Arg]]]:
        node = self.node
        if node is None or node.type != "call_expression":
            return None
        sel = self.doc.selector(node.child_by_field_name("function"))
        q = next((q for q in qualnames if sel == (names.constructor(q) if _is_class(q) else names.split(q))), None)
        return (q, [GoArg(self.doc, a) for a in _args(node)]) if q else None

    def callee(self) -> Optional[str]:
        """Only a package's ``New<Class>`` function is named."""
        node = self.node
        sel = self.doc.selector(node.child_by_field_name("function")) if node.type == "call_expression" else None
        return sel[1][len("New"):] if sel is not None and sel[1].startswith("New") else None

    def calls(self) -> List[Arg]:
        return [GoArg(self.doc, n) for n in _walk_type(self.node, "call_expression")]

    def refs(self) -> set:
        return {common.ref(self.doc, n) for t in ("identifier", "selector_expression", "call_expression")
                for n in _walk_type(self.node, t)}

    def props(self, qualname: str) -> Optional[Props]:
        made = self.call(qualname)
        lit = self.doc.literal(made[1][-1].node) if made and made[1] else None
        return GoProps(self, lit) if lit is not None and lit.plain else None  # to read: its owner is this

    def items(self) -> Optional[List[Arg]]:
        found = _slice(self.doc, self.node)
        if found is None or any(c.type != "literal_element" for c in found[0].named_children if c.type != "comment"):
            return None
        return [GoArg(self.doc, n) for n in found[1]]

    def call_arg(self, index: int, keyword: str) -> Optional[Arg]:
        args = _args(self.node) if self.node.type == "call_expression" else []
        return GoArg(self.doc, args[index]) if len(args) > index else None

    def props_inside(self, qualname: str) -> List[Optional[Props]]:
        """``nil`` props are props that set nothing."""
        out: List[Optional[Props]] = []
        for node in _walk_type(self.node, "call_expression"):
            if self.doc.selector(node.child_by_field_name("function")) == names.constructor(qualname):
                args = _args(node)
                lit = self.doc.literal(args[-1]) if args else None
                nil = bool(args) and args[-1].type == "nil"
                out.append(GoProps(self, lit) if (lit is not None and lit.plain) or nil else None)
        return out


class GoProps(Props):
    """The fields of a props literal (``&awskms.KeyProps{...}``) or of a struct literal
    given as one of them; ``lit`` None: ``nil`` props."""

    def __init__(self, owner: "GoConstructCall", lit: Optional[Literal]):
        self.owner, self.lit = owner, lit

    def _field(self, prop: str):
        return self.lit.field(names.field(prop)) if self.lit is not None else None

    def arg(self, prop: str) -> Optional[Arg]:
        f = self._field(prop)
        return GoArg(self.owner.doc, f.value) if f is not None else None

    def struct(self, prop: str, qualname: str) -> Any:
        f = self._field(prop)
        if f is None or literal(self.owner.doc, f.value) is ABSENT:
            return ABSENT
        doc = self.owner.doc
        if not _is_class(qualname) and f.value.type == "call_expression":
            # a factory method given its props: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.XProps{...})
            args = _args(f.value)
            lit = doc.literal(args[0]) if len(args) == 1 else None
            if doc.selector(f.value.child_by_field_name("function")) != names.split(qualname) or lit is None \
                    or not lit.plain:
                return UNKNOWN
            return GoProps(self.owner, lit)
        lit = doc.literal(f.value)
        if lit is None or not lit.plain or (lit.type_path, lit.type_name) != names.split(qualname):
            return UNKNOWN
        return GoProps(self.owner, lit)

    def value_source(self, prop: str) -> str:
        return self.owner.doc.source(self._field(prop).value)

    def strings(self, prop: str) -> Optional[List[str]]:
        f = self._field(prop)
        if f is None:
            return None
        doc = self.owner.doc
        v = literal(doc, f.value)
        if isinstance(v, list):
            return v if all(isinstance(x, str) for x in v) else None
        found = _slice(doc, f.value)
        out = [literal(doc, x) for x in found[1]] if found is not None else None
        return out if out is not None and all(isinstance(x, str) for x in out) else None

    def structs(self, prop: str, qualname: str) -> Any:
        f, doc = self._field(prop), self.owner.doc
        if f is None or literal(doc, f.value) is ABSENT:
            return ABSENT
        found = _slice(doc, f.value)
        elem = _element_type(doc, f.value) if found is not None else None
        lits = [doc.literal(x) or (doc.element_literal(x, *elem) if elem else None) for x in found[1]] \
            if found is not None else [None]
        if not all(lit is not None and lit.plain and (lit.type_path, lit.type_name) == names.split(qualname)
                   for lit in lits):
            return UNKNOWN
        return [GoProps(self.owner, lit) for lit in lits]

    def append(self, prop: str, value: Any) -> List[Edit]:
        doc = self.owner.doc
        return doc.append_element(_slice(doc, self._field(prop).value)[0], self.owner.render(value))

    def _plain_string(self, prop: str):
        """``jsii.String("...")`` with a string literal."""
        f = self._field(prop)
        node, doc = (f.value if f is not None else None), self.owner.doc
        if node is None or node.type != "call_expression" or doc.selector(node.child_by_field_name("function")) != (JSII, "String"):
            return None
        args = _args(node)
        if len(args) == 1 and args[0].type in ("interpreted_string_literal", "raw_string_literal") \
                and isinstance(literal(doc, node), str):
            return node
        return None

    def string_literal(self, prop: str) -> Optional[str]:
        node = self._plain_string(prop)
        return literal(self.owner.doc, node) if node is not None else None

    def position(self, prop: str) -> Tuple[int, int, int]:
        node, doc = self._field(prop).value, self.owner.doc
        return node.start_point[0] + 1, doc.column(doc.start(node)), node.end_point[0] + 1

    def add_in_order(self, qualname: str, values: Sequence[Tuple[str, Any]]) -> List[Edit]:
        owner = self.owner
        fields = [(names.field(k), owner.render(v)) for k, v in values]
        if self.lit is None:
            return owner._add_fields(self, fields)
        order = go_order(order_of(qualname))
        return owner.doc.insert_fields(self.lit, [(_anchor(self.lit, k, order), k, v) for k, v in fields])

    def edit(self, set: Sequence[Tuple[str, Any]] = (), remove: Sequence[str] = (),
             trailing: Collection[str] = ()) -> List[Edit]:
        doc, render = self.owner.doc, self.owner.render
        edits: List[Edit] = []
        new, replaced = [], []
        for k, v in set:
            f = self._field(k)
            if f is not None:
                replaced.append((f, render(v)))
            else:
                new.append((names.field(k), render(v)))
        gone = [self._field(k) for k in remove if self._field(k) is not None]
        if new and self.lit is not None:  # one change: runs realigned, a long line laid out again
            placed = self.owner._placements(self, new, {names.field(k) for k in trailing})
            return edits + doc.edit_fields(self.lit, replaced, gone, placed)
        if replaced or gone:
            edits += doc.change_fields(self.lit, replaced, gone)
        if new:
            edits += self.owner._add_fields(self, new, {names.field(k) for k in trailing})
        return edits


def _is_class(qualname: str) -> bool:
    return qualname.rpartition(".")[2][:1].isupper()


class GoConstructCall(GoProps, ConstructCall):
    """``<pkg>.New<Class>(scope, id, props)``; a factory method ``<pkg>.<Class>_<Method>(id,
    props)`` (``awsrds.ClusterInstance_Provisioned``); a struct literal ``&<pkg>.<Class>{...}``
    written on its own (``site`` None, ``lit`` it)."""

    def __init__(self, doc: GoDoc, site: Optional[CallSite], qualname: str, lit: Optional[Literal] = None):
        self.doc, self.site, self.qualname = doc, site, qualname
        self.target = site.target if site is not None else None
        self.r: Optional[Renderer] = None
        if site is None:
            at = lit.outer
            self.line, self.column, self.end_line = at.start_point[0] + 1, doc.column(doc.start(at)), at.end_point[0] + 1
            GoProps.__init__(self, self, lit)
            self.nil, self._id, self._props = False, None, None
            return
        self.line, self.column, self.end_line = site.line, site.column, site.end_line
        if len(site.args) == 1:  # a class made from its props alone: awsiam.NewPolicyStatement(&props)
            self._id, self._props = None, site.args[0]
        else:
            self._id, self._props = (site.args[1], site.args[2]) if _is_class(qualname) else (site.args[0], site.args[1])
        GoProps.__init__(self, self, doc.literal(self._props))
        self.nil = self.lit is None and self._props.type == "nil"

    # -------------------------------------------------------------- naming
    @property
    def resource_type(self) -> str:
        path = self.site.path if self.site is not None else self.lit.type_path
        pkg = self.doc.name_for(path) or path.rpartition("/")[2]
        if self.site is None:
            return f"{pkg}.{self.lit.type_name}"
        func = self.site.func
        return f"{pkg}.{func[len('New'):] if _is_class(self.qualname) else func.replace('_', '.')}"

    @property
    def id(self) -> Optional[str]:
        v = literal(self.doc, self._id) if self._id is not None else None
        return v if isinstance(v, str) else None

    @property
    def name(self) -> str:
        if self.site is None or not _is_class(self.qualname):
            return self.id or self.target or self.resource_type.rpartition(".")[2]
        return common.name_of(self.site)

    def id_parts(self) -> Optional[List[Part]]:
        return [self.id] if self.id else None

    def env_suffix(self) -> Optional[str]:
        return common.env_suffix_expr(self.doc, self._node)

    @property
    def _node(self):
        return self.site.call if self.site is not None else self.lit.node

    def given_to(self, methods: Sequence[str]) -> str:
        doc = self.doc
        prefixes = tuple(names.field(m) for m in methods)
        node = self._node.parent
        while node is not None and node.type not in ("block", "statement_list"):
            if node.type == "call_expression":
                fn = node.child_by_field_name("function")
                if fn is not None and fn.type == "selector_expression":
                    field = doc.source(fn.child_by_field_name("field"))
                    operand = fn.child_by_field_name("operand")
                    if field.startswith(prefixes) and doc.path_of(doc.source(operand)) is None:
                        return doc.source(operand)
                args = _args(node)
                if len(args) > 1 and isinstance(literal(doc, args[1]), str):
                    return literal(doc, args[1])
            node = node.parent
        return ""

    def before_in_scope(self, other: ConstructCall) -> bool:
        doc = self.doc
        return self.line < other.line and doc.enclosing_function(self._node) == doc.enclosing_function(other._node)

    def enclosing(self, qualname: str) -> Optional[ConstructCall]:
        made = names.constructor(qualname)
        cur = self._node.parent
        while cur is not None:
            if cur.type == "call_expression":
                site = next((s for s in self.doc.calls() if s.call == cur), None)
                if site is not None and (site.path, site.func) == made and len(site.args) == 3:
                    return GoConstructCall(self.doc, site, qualname)
            cur = cur.parent
        return None

    # -------------------------------------------------------------- reading
    @property
    def opaque(self) -> bool:
        if self.lit is None:
            return not self.nil  # props built elsewhere
        if self.site is None or not _is_class(self.qualname):
            return not self.lit.plain
        return not self.lit.plain or (self.lit.type_path, self.lit.type_name) != names.props(self.qualname)

    @property
    def source(self) -> str:
        return _norm(self.doc, self._node)

    def _statement(self):
        return common.statement_of(self.doc, self._node)

    @property
    def own_statement(self) -> bool:
        stmt = self._statement()
        return bool(self.target) and stmt is not None and stmt.type in (
            "short_var_declaration", "assignment_statement", "var_declaration")

    @property
    def can_add_before(self) -> bool:
        return self.site is not None and self._statement() is not None

    # -------------------------------------------------------------- writing
    def string(self, parts: Sequence[Part]) -> str:
        exprs = [p.code for p in parts if isinstance(p, Expr)]
        if not exprs:
            text = go_string("".join(parts))
        else:
            fmt = "".join("%s" if isinstance(p, Expr) else common.go_format(p) for p in parts)
            text = f"{self.r.pkg(common.FMT)}.Sprintf({go_string(fmt)}, {', '.join(exprs)})"
        return f"{self.r.pkg(JSII)}.String({text})"

    def render(self, v: Any):
        if isinstance(v, Json):  # in a struct given as a prop: its next lines three levels in
            indent = self.doc.indent_of(self.lit.node.start_point[0]) + "\t" * 3
            return f"{self.r.pkg(JSII)}.String({_json_rows(v.fields, indent)})"
        if isinstance(v, Call) and _is_class(v.qualname):  # awsapigateway.NewLogGroupLogDestination(group)
            path, ctor = names.constructor(v.qualname)
            return f"{self.r.pkg(path)}.{ctor}({', '.join(self.render(a) for a in v.args)})"
        if isinstance(v, New) and v.qualname in METHOD_PROPS:  # a static method given its props
            props = GoLit(self.r.ref(METHOD_PROPS[v.qualname]), tuple((names.field(k), self.render(x)) for k, x in v.props))
            return GoCall(self.r.ref(v.qualname), (props,))
        if isinstance(v, New):
            return GoLit(self.r.ref(v.qualname), tuple((names.field(k), self.render(x)) for k, x in v.props))
        if isinstance(v, dict):
            return GoLit("map[string]interface{}", tuple((go_string(k), self.render(x)) for k, x in v.items()))
        if isinstance(v, (list, tuple)) and v and all(isinstance(x, New) for x in v):
            l1 = re.search(r"\.Cfn\w+\.\w+Property$", v[0].qualname)  # L1 properties: []interface{}
            return GoList("interface{}" if l1 else "*" + self.r.ref(v[0].qualname), tuple(map(self.render, v)))
        return self.r.value(v)

    def append_to_string(self, prop: str, text: str, expr: str, keep_end: str = "") -> List[Edit]:
        node = self._plain_string(prop)
        value = literal(self.doc, node)
        stem, end = (value[:-len(keep_end)], keep_end) if keep_end and value.endswith(keep_end) else (value, "")
        fmt = f"{common.go_format(stem)}{common.go_format(text)}%s{common.go_format(end)}"
        return self.doc.replace(node, f"{self.r.pkg(JSII)}.String({self.r.pkg(common.FMT)}.Sprintf({go_string(fmt)}, {expr}))")

    def name_key(self, prop: str) -> Optional[str]:
        v = self.value(prop)
        return v if isinstance(v, str) else None

    @property
    def can_add_companion(self) -> bool:
        return self.site is not None and self._statement() is not None

    def add_companion(self, prop: str, new: New, word: str, companions: Collection[str],
                      attr: Optional[str] = None) -> List[Edit]:
        doc = self.doc
        construct_id = self.id
        if construct_id is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        new_id = construct_id + (word if re.fullmatch(r"[A-Za-z0-9]+", construct_id) else "-" + common.kebab(word))
        base = self.target or (construct_id[:1].lower() + re.sub(r"[^A-Za-z0-9]", "", construct_id[1:]))
        var = base + word
        if var in common.names_in_use(doc):
            raise FixError(f"the name {var} is already in use")
        anchor = self._first_companion(companions)
        indent = doc.indent_of(anchor.start_point[0])
        props = render(self.render(New(new.qualname + "Props", new.props)), indent, inline=False)
        path, ctor = names.constructor(new.qualname)
        code = (f"{var} := {self.r.pkg(path)}.{ctor}({doc.source(self.site.arg(0))}, "
                f"{self.r.pkg(JSII)}.String({go_string(new_id)}), {props})")
        order = go_order(order_of(self.qualname))
        edits = [common.before_statement(doc, anchor, [code])]
        value = self.attr(attr, var) if attr else var
        return edits + doc.insert_fields(self.lit, [(_anchor(self.lit, names.field(prop), order), names.field(prop), value)])

    def _first_companion(self, companions: Collection[str]):
        """The construct's statement, or the companion statements right above it that define
        what it is given (``fnDlq := awssqs.NewQueue(...)`` for ``DeadLetterQueue: fnDlq``)."""
        doc = self.doc
        made = {names.constructor(q) for q in companions}
        used = {doc.source(f.value).strip() for f in self.lit.fields}
        cur = self._statement()
        while True:
            prev = cur.prev_named_sibling
            while prev is not None and prev.type == "comment":
                prev = prev.prev_named_sibling
            if prev is None or prev.type != "short_var_declaration":
                return cur
            left, right = prev.child_by_field_name("left"), prev.child_by_field_name("right")
            call = right.named_children[0] if right is not None and right.named_children else None
            s = next((c for c in doc.calls() if c.call == call), None) if call is not None else None
            if s is None or (s.path, s.func) not in made or doc.source(left) not in used:
                return cur
            cur = prev

    def add_before(self, qualname: str, word: str, props: Sequence[Tuple[str, Any]]) -> Tuple[str, List[Edit]]:
        doc, stmt, construct_id = self.doc, self._statement(), self.id
        if stmt is None or construct_id is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        base = self.target or (construct_id[:1].lower() + re.sub(r"[^A-Za-z0-9]", "", construct_id[1:]))
        var = variable_for(base, word)
        if "_" in var and "_" not in base:
            var = base + word[:1].upper() + word[1:]
        if var in common.names_in_use(doc):
            raise FixError(f"the name {var} is already in use")
        return var, self._new_before(stmt, qualname, var, add_word_to_name(construct_id, word), props)

    def add_named_before(self, qualname: str, word: str, props: Sequence[Tuple[str, Any]]) -> Tuple[str, List[Edit]]:
        doc, stmt, construct_id = self.doc, self._statement(), self.id
        if stmt is None or construct_id is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        head, *rest = word.split("-")
        camel = re.search(r"[A-Z]", construct_id) and re.fullmatch(r"[A-Za-z0-9]+", construct_id)
        new_id = add_word_to_name(construct_id, head + "".join(w.capitalize() for w in rest) if camel else word)
        base = self.target or (construct_id[:1].lower() + re.sub(r"[^A-Za-z0-9]", "", construct_id[1:]))
        var = base + "".join(w.capitalize() for w in word.split("-"))
        if var in common.names_in_use(doc):
            raise FixError(f"the name {var} is already in use")
        return var, self._new_before(stmt, qualname, var, new_id, props)

    def _new_before(self, stmt, qualname: str, var: str, new_id: str, props) -> List[Edit]:
        """``var := <pkg>.New<Class>(<scope>, jsii.String(new_id), &<pkg>.<Class>Props{...})``
        as a statement before ``stmt``."""
        doc = self.doc
        path, cls = names.props(qualname)
        fields = tuple((names.field(k), self.render(v)) for k, v in props)
        lit = render(GoLit(f"{self.r.pkg(path)}.{cls}", fields), doc.indent_of(stmt.start_point[0]), inline=False)
        path, ctor = names.constructor(qualname)
        code = (f"{var} := {self.r.pkg(path)}.{ctor}({doc.source(self.site.arg(0))}, "
                f"{self.r.pkg(JSII)}.String({go_string(new_id)}), {lit})")
        return [common.before_statement(doc, stmt, [code])]

    def add_override_after(self, attrs: Sequence[str], l1: str, prop: str, value: dict,
                           after: Collection[str] = ()) -> List[Edit]:
        """The entries unaligned: gofmt aligns no run with a value of several lines."""
        doc, stmt, r = self.doc, self._statement(), self.r
        indent = doc.indent_of(stmt.start_point[0])
        head = f"{self.target}{''.join(f'.{names.field(a)}()' for a in attrs)}.Node().DefaultChild().({r.ref(l1)})"
        rows = "".join(f"{indent}\t{go_string(k)}: "
                       f"{_json_rows(v.fields, indent + chr(9) * 2) if isinstance(v, Json) else self.render(v)},\n"
                       for k, v in value.items())
        call = f"{head}.AddPropertyOverride({r.value(prop)}, map[string]interface{{}}{{\n{rows}{indent}}})"
        anchor, nxt = stmt, stmt.next_named_sibling
        while nxt is not None and any(_norm(doc, nxt).startswith(f"{head}.AddPropertyOverride({r.value(p)}")
                                      for p in after):
            anchor, nxt = nxt, nxt.next_named_sibling  # after api-throttling's override, whichever ran first
        return [common.after_statement(doc, anchor, [call])]

    def name_with_word(self, prop: str, word: str) -> Optional[str]:
        """A ``fmt.Sprintf("orders-%s", x)`` name gets the word before its verb."""
        f, doc, r = self._field(prop), self.doc, self.r
        node = f.value if f is not None else None
        v = literal(doc, node) if node is not None else None
        if isinstance(v, str):
            return f"{r.pkg(JSII)}.String({go_string(add_word_to_name(v, word))})"
        if node is None or node.type != "call_expression" \
                or doc.selector(node.child_by_field_name("function")) != (JSII, "String"):
            return None
        args = _args(node)
        inner = args[0] if len(args) == 1 else None
        if inner is None or inner.type != "call_expression" or doc.selector(inner.child_by_field_name("function")) != (
                common.FMT, "Sprintf"):
            return None
        fargs = _args(inner)
        fmt = literal(doc, fargs[0]) if fargs else None
        m = re.fullmatch(r"(.*?)([-_])(%[sv])(\.fifo)?", fmt) if isinstance(fmt, str) else None
        if m is None:
            return None
        new = f"{m.group(1)}{m.group(2)}{word}{m.group(2)}{m.group(3)}{m.group(4) or ''}"
        rest = ", ".join(doc.source(a) for a in fargs[1:])
        return f"{r.pkg(JSII)}.String({r.pkg(common.FMT)}.Sprintf({go_string(new)}, {rest}))"

    def add_prop(self, prop: str, value: Any) -> List[Edit]:
        key, v = names.field(prop), self.render(value)
        if self.lit is None:
            return self._add_fields(self, [(key, v)])
        return self.doc.insert_fields(self.lit, [(_anchor(self.lit, key, go_order(order_of(self.qualname))), key, v)])

    def replace_flag(self, flag: str, prop: str, value: Any) -> List[Edit]:
        return self.doc.replace(self._field(flag).value, self.render(True)) + self.add_prop(prop, value)
    def overridden(self, attrs: Sequence[str], prop: str) -> bool:
        return common.overrides(self.doc, self.target + "".join(f".{names.field(a)}()" for a in attrs), prop)

    def add_property_override(self, attrs: Sequence[str], l1: str, prop: str, value: dict) -> List[Edit]:
        stmt, r = self._statement(), self.r
        indent = self.doc.indent_of(stmt.start_point[0])
        keys = {k: go_string(k) + ":" for k in value}
        width = max(map(len, keys.values()))  # the values aligned as gofmt aligns them
        rows = "".join(f"{indent}\t{keys[k]:<{width}} {_plain(v)},\n" for k, v in value.items())
        child = "".join(f".{names.field(a)}()" for a in attrs)
        call = (f"{self.target}{child}.Node().DefaultChild().({r.ref(l1)}).AddPropertyOverride("
                f"{r.value(prop)}, map[string]interface{{}}{{\n{rows}{indent}}})")
        return [common.after_statement(self.doc, stmt, [call])]

    def add_to_list(self, prop: str, item: Any, item_type: str) -> List[Edit]:
        if self.has(prop):
            return self.append(prop, item)
        key, value = names.field(prop), self.render(item)
        value = GoList(self.r.ref(item_type), (value,))
        if self.lit is None:
            return self._add_fields(self, [(key, value)])
        return self.doc.insert_fields(self.lit, [(_anchor(self.lit, key, go_order(order_of(self.qualname))), key, value)])

    def attr(self, name: str, var: Optional[str] = None) -> str:
        return f"{var or self.target}.{names.field(name)}()"

    def setting(self, prop: str, value: Any) -> str:
        return f"{names.field(prop)}: {Renderer(self.doc).value(value)}"

    def spelled(self, prop: str) -> str:
        return names.field(prop)

    def attr_string(self, var: str, name: str, text: str) -> str:
        return f"{self.r.pkg(JSII)}.String(*{self.attr(name, var)} + {go_string(text)})"

    def replace_list(self, prop: str, items: Sequence[str]) -> List[Edit]:
        return self.doc.replace(self._field(prop).value, "&[]*string{" + ", ".join(items) + "}")

    def add_props(self, props: Sequence[Tuple[str, str]]) -> List[Edit]:
        return self._add_fields(self, [(names.field(k), v) for k, v in props])

    def _add_fields(self, props: GoProps, fields, trailing=frozenset()) -> List[Edit]:
        if props.lit is None:  # nil props
            path, cls = names.props(self.qualname)
            return self.doc.nil_to_literal(self._props, GoLit(f"{self.r.pkg(path)}.{cls}", tuple(fields)))
        return self.doc.insert_fields(props.lit, self._placements(props, fields, trailing))

    def _placements(self, props: GoProps, fields, trailing=frozenset()):
        """(field before which, key, value) of new fields: before the trailing ones."""
        have = props.lit.fields
        tail = len(have)
        while tail > 0 and have[tail - 1].key in trailing:
            tail -= 1
        before = have[tail] if 0 < tail < len(have) else None
        return [(before, k, v) for k, v in fields]

    def add_construct_after(self, qualname: str, word: str, props: Sequence[Tuple[str, str]],
                            after_own: bool = False) -> List[Edit]:
        construct_id = literal(self.doc, self.site.arg(1))
        if not isinstance(construct_id, str):
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        stmt = self._statement()
        if after_own and self.target:
            stmt = self._last_own(stmt)
        path, new = names.constructor(qualname)
        _, props_cls = names.props(qualname)
        pkg = self.r.pkg(path)
        lit = GoLit(f"{pkg}.{props_cls}", tuple((names.field(k), v) for k, v in props))
        indent = self.doc.indent_of(stmt.start_point[0])
        call = (f"{pkg}.{new}({self.doc.source(self.site.arg(0))}, "
                f"{self.r.pkg(JSII)}.String({go_string(add_word_to_name(construct_id, word))}), "
                f"{render(lit, indent, inline=False)})")
        return [common.after_statement(self.doc, stmt, [call])]

    def _last_own(self, stmt):
        """The last of ``stmt`` and the statements right after it that start with its
        variable (``fn.AddEventSource(...)``, the alarms codemod's ``fn.MetricErrors(nil).CreateAlarm(...)``)
        or one its statement gives it (its dead-letter queue's alarms follow it), or assign a
        value that does, or use a name those assign, and the alarms of an L1 construct
        (``awscloudwatch.NewAlarm(...)`` of a metric on ``table.Ref()``: the alarms codemod's)."""
        kids = [c for c in stmt.parent.named_children if c.type != "comment"]
        i = next(k for k, c in enumerate(kids) if c.id == stmt.id)
        heads = {self.target} | _values_named(self.doc.source(stmt))
        alt = "|".join(map(re.escape, heads))
        own = re.compile(r"^(?:[\w, ]+:?=\s*)?(?:" + alt + r")\.")
        l1_alarm = re.compile(r"^(?:[\w, ]+:?=\s*)?\w+\.NewAlarm\((?s:.*)(?<![\w.])(?:" + alt + r")\.Ref\(\)")
        names: list = []
        while i + 1 < len(kids):
            code = self.doc.source(kids[i + 1])
            if own.match(code) or l1_alarm.match(code):
                m = re.match(r"^([\w, ]+):?=", code)
                if m:
                    names += [n.strip() for n in m.group(1).split(",") if n.strip() and n.strip() != "_"]
            elif not any(re.search(r"(?<![\w.])" + re.escape(n) + r"\b", code) for n in names):
                break
            i += 1
        return kids[i]

    def _begin(self) -> None:
        self.r = Renderer(self.doc)

    def _imports(self) -> List[Edit]:
        return self.r.import_edits()


# The props struct a static method is given, where jsii names it otherwise than the method.
METHOD_PROPS = {"aws_cdk.aws_apigateway.AccessLogFormat.json_with_standard_fields":
                "aws_cdk.aws_apigateway.JsonWithStandardFieldProps"}


def _json_rows(fields: dict, indent: str) -> str:
    """One-line JSON of ``fields`` as raw strings joined by ``+``, two fields a line, the
    next lines at ``indent``."""
    pairs = [json.dumps(k) + ":" + json.dumps(v) for k, v in fields.items()]
    rows = [",".join(pairs[i:i + 2]) for i in range(0, len(pairs), 2)]
    rows = ["{" + rows[0]] + rows[1:]
    rows = [row + ("," if i < len(rows) - 1 else "}") for i, row in enumerate(rows)]
    assert "`" not in "".join(rows)
    return (" +\n" + indent).join(f"`{row}`" for row in rows)


def _plain(v: Any) -> str:
    """A literal as Go writes it in a ``map[string]interface{}``."""
    if isinstance(v, bool):
        return "true" if v else "false"
    return go_string(v) if isinstance(v, str) else num_code(v)


class GoMethodCall(MethodCall):
    def __init__(self, doc: GoDoc, call, method: str, receiver):
        self.doc, self.call, self.r = doc, call, None
        self.method, self.receiver, self.args = method, GoArg(doc, receiver), [GoArg(doc, a) for a in _args(call)]
        self.line, self.column = call.start_point[0] + 1, doc.column(doc.start(call))
        self.end_line = call.end_point[0] + 1

    @property
    def opaque(self) -> bool:
        return any(a.node.type == "variadic_argument" for a in self.args)

    def arg(self, index: int, keyword: str) -> Optional[Arg]:
        return self.args[index] if len(self.args) > index else None

    def has_option(self, prop: str) -> bool:
        lit = self.doc.literal(self.args[-1].node) if self.args else None
        return lit is not None and lit.field(names.field(prop)) is not None

    def strings(self) -> List[str]:
        return [v for n in _walk_type(self.call, "interpreted_string_literal")
                for v in [literal(self.doc, n)] if isinstance(v, str)]

    def set_arg(self, index: int, keyword: str, value: Any) -> List[Edit]:
        if len(self.args) <= index:
            raise FixError(f"the call has no argument {index + 1} to give {names.field(keyword)}")
        return self.doc.replace(self.args[index].node, self.render(value))

    def render(self, v: Any):
        return self.r.value(v)

    def _begin(self) -> None:
        self.r = Renderer(self.doc)

    def _imports(self) -> List[Edit]:
        return self.r.import_edits()


class GoStack(StackScope):
    """A function making a stack (``stack := awscdk.NewStack(...)``: ``sites``, the first names it)."""

    def __init__(self, doc: GoDoc, fn, sites: List[CallSite]):
        self.doc, self.fn, self.sites, self.r = doc, fn, sites, None
        self.name, self.variable = doc.source(fn.child_by_field_name("name")), sites[0].target
        self.line, self.column, self.end_line = fn.start_point[0] + 1, fn.start_point[1] + 1, fn.end_point[0] + 1

    def env_suffix(self) -> Optional[str]:
        return common.env_suffix_expr(self.doc, self.sites[0].call)

    def given_tags(self) -> List[Arg]:
        out = []
        for site in self.sites:
            props = self.doc.literal(site.arg(2)) if site.arg(2) is not None else None
            tags = props.field("Tags") if props is not None and props.type_name == "StackProps" else None
            if tags is not None:
                out.append(GoArg(self.doc, tags.value))
        return out

    def instances(self) -> set:
        doc = self.doc
        return {t for call in _walk_type(doc.tree.root_node, "call_expression")
                if doc.source(call.child_by_field_name("function")) == self.name
                for t in [_target(doc, call)] if t}

    @property
    def can_add(self) -> bool:
        return True

    def string(self, parts: Sequence[Part]) -> str:
        exprs = [p.code for p in parts if isinstance(p, Expr)]
        if len(parts) == 1 and exprs:
            text = exprs[0]
        elif not exprs:
            text = go_string("".join(parts))
        else:
            fmt = "".join("%s" if isinstance(p, Expr) else common.go_format(p) for p in parts)
            text = f"{self.r.pkg(common.FMT)}.Sprintf({go_string(fmt)}, {', '.join(exprs)})"
        return f"{self.r.pkg(JSII)}.String({text})"

    def add_tags(self, tags: Sequence[Tuple[str, str]], after: Sequence[MethodCall]) -> List[Edit]:
        doc, r = self.doc, self.r
        lines = [f"{r.pkg(CDK)}.Tags_Of({self.variable}).Add({r.pkg(JSII)}.String({go_string(k)}), {v}, nil)"
                 for k, v in tags]
        body = self.fn.child_by_field_name("body")
        stmts = [c for c in (body.named_children[0].named_children if body.named_children and
                             body.named_children[0].type == "statement_list" else []) if c.type != "comment"]
        if not stmts:
            raise FixError("the stack function has no statements")
        mine = [s for s in (common.statement_of(doc, m.call) for m in after) if s in stmts]
        if mine:
            return [common.after_statement(doc, mine[-1], lines)]
        last = stmts[-1]
        if last.type != "return_statement":
            return [common.after_statement(doc, last, [""] + lines)]
        indent, line = doc.indent_of(last.start_point[0]), last.start_point[0]
        at = doc.line_start(line)
        blank = line > 0 and not doc.text[doc.line_start(line - 1):doc.line_end(line - 1)].strip()
        text = "".join(f"{indent}{ln}\n" for ln in lines) + "\n"
        return [Edit(at, at, text if blank else "\n" + text)]

    def _begin(self) -> None:
        self.r = Renderer(self.doc)

    def _imports(self) -> List[Edit]:
        return self.r.import_edits()


class GoFile(CdkFile):
    def __init__(self, doc: GoDoc):
        self.doc = doc

    def constructs(self, *qualnames: str) -> List[ConstructCall]:
        made = {(names.constructor(q) if _is_class(q) else names.split(q)): q for q in qualnames}
        return [GoConstructCall(self.doc, s, made[(s.path, s.func)]) for s in self.doc.calls()
                if (s.path, s.func) in made and len(s.args) in ((3, 1) if _is_class(made[(s.path, s.func)]) else (2,))]

    def structs(self, *qualnames: str) -> List[ConstructCall]:
        want = {names.split(q): q for q in qualnames}
        out = []
        for node in _walk_type(self.doc.tree.root_node, "composite_literal"):
            lit = self.doc.literal(node)
            if lit is not None and (lit.type_path, lit.type_name) in want:
                out.append(GoConstructCall(self.doc, None, want[(lit.type_path, lit.type_name)], lit))
        return out

    def stacks(self) -> List[StackScope]:
        doc, found = self.doc, {}
        for site in doc.calls():
            if (site.path, site.func) == (CDK, "NewStack") and site.target:
                fn = doc.enclosing_function(site.call)
                if fn is not None and fn.type == "function_declaration":
                    found.setdefault(fn, []).append(site)
        return [GoStack(doc, fn, sites) for fn, sites in found.items()]

    def chained_calls(self, qualname: str, methods: Collection[str]) -> List[MethodCall]:
        doc, want, made, out = self.doc, {names.field(m): m for m in methods}, names.split(qualname), []
        for call in _walk_type(doc.tree.root_node, "call_expression"):
            fn = call.child_by_field_name("function")
            method = want.get(doc.source(fn.child_by_field_name("field"))) if fn.type == "selector_expression" else None
            receiver = fn.child_by_field_name("operand") if method is not None else None
            if receiver is not None and receiver.type == "call_expression" \
                    and doc.selector(receiver.child_by_field_name("function")) == made:
                out.append(GoMethodCall(doc, call, method, receiver))
        return out

    def _selectors(self, qualnames):
        return {names.constructor(q) if _is_class(q) else names.split(q) for q in qualnames}

    def has_call(self, *qualnames: str) -> bool:
        want = self._selectors(qualnames)
        return any((s.path, s.func) in want for s in self.doc.calls())

    def call_args(self, *qualnames: str) -> List[List[Arg]]:
        want = self._selectors(qualnames)
        return [[GoArg(self.doc, a) for a in s.args] for s in self.doc.calls() if (s.path, s.func) in want]

    def method_calls(self, method: str) -> List[List[Arg]]:
        return [[GoArg(self.doc, a) for a in m.args] for m in common.method_calls(self.doc, names.field(method))]

    def method_receivers(self, method: str) -> set:
        return {m.receiver for m in common.method_calls(self.doc, names.field(method))}

    def method_sites(self, methods: Collection[str]) -> List[MethodCall]:
        """On a variable, or on an attribute of one (``sg.Connections().AllowFrom(...)``)."""
        doc, want, out = self.doc, {names.field(m): m for m in methods}, []
        for call in _walk_type(doc.tree.root_node, "call_expression"):
            fn = call.child_by_field_name("function")
            method = want.get(doc.source(fn.child_by_field_name("field"))) if fn.type == "selector_expression" else None
            if method is None:
                continue
            receiver = var = fn.child_by_field_name("operand")
            if var.type == "call_expression" and not _args(var):
                getter = var.child_by_field_name("function")
                var = getter.child_by_field_name("operand") if getter.type == "selector_expression" else getter
            if var.type == "identifier" and doc.path_of(doc.source(var)) is None:
                out.append(GoMethodCall(doc, call, method, receiver))
        return out

    def calls(self, *qualnames: str) -> List[Tuple[str, Arg]]:
        want = {(names.constructor(q) if _is_class(q) else names.split(q)): q for q in qualnames}
        return [(want[(s.path, s.func)], GoArg(self.doc, s.call)) for s in self.doc.calls() if (s.path, s.func) in want]

    def method_name(self, method: str) -> str:
        return names.field(method)

    def dead_letter_refs(self) -> set:
        return common.dead_letter_refs(self.doc)

    def edge_functions(self) -> set:
        return common.edge_functions(self.doc)

    def construct_ids(self) -> dict:
        doc = self.doc
        return {s.target: literal(doc, s.arg(1)) for s in doc.calls()
                if s.target and s.func.startswith("New") and isinstance(literal(doc, s.arg(1)), str)}

    def resource_type(self, qualname: str) -> str:
        path, name = names.split(qualname)
        return f"{self.doc.name_for(path) or path.rpartition('/')[2]}.{name}"


File = GoFile


def _values_named(code: str) -> set:
    """The names a statement uses as values (``queueDlq`` in ``Queue: queueDlq,``): not a
    package it calls through (``awssqs.``), not a field name or a keyword."""
    out = set()
    for m in re.finditer(r"(?<![\w.])([A-Za-z_]\w*)(?![\w(]|\s*:[^=]|\s*:?=|\.)", code):
        if m.group(1) not in ("nil", "true", "false", "stack", "scope", "_"):
            out.add(m.group(1))
    return out
