"""The neutral view of a construct call (``lang.view``) on CDK Python source (libcst)."""

from __future__ import annotations

import re
from typing import Any, Collection, List, Optional, Sequence, Tuple

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.cdk.render import (
    Member, Renderer, add_kwargs, add_sorted_import, import_from, imports_modules,
)
from iacfix.codemods.lang.cdk.values import literal, member_of
from iacfix.codemods.lang.view import (
    Arg, CdkFile, ConstructCall, Expr, Json, MethodCall, New, Part, Props, StackScope,
)
from iacfix.codemods.spec import ABSENT, UNKNOWN
from iacfix.core import Edit, FixError
from iacfix.transforms.python import (
    CallSite, PythonDoc, _dedent, _isort_key, file_quote, kwarg, name_key, py_string, rewrite_call,
)


def _norm(doc: PythonDoc, node) -> str:
    return re.sub(r"\s+", "", doc.code(node))


_FUNCTION_ATTRS = re.compile(r"\.(function_name|function_arn|current_version|latest_version)$")


def _is_none(node) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


class PyArg(Arg):
    def __init__(self, doc: PythonDoc, node: cst.BaseExpression):
        self.doc, self.node = doc, node

    @property
    def value(self) -> Any:
        return literal(self.node)

    def member(self, enum: str) -> Optional[str]:
        return member_of(self.doc, self.node, enum)

    def ref(self, attrs: Sequence[str] = ()) -> str:
        v = _norm(self.doc, self.node)
        return re.sub(rf"\.({'|'.join(attrs)})$", "", v) if attrs else v

    def entry(self, key: str) -> Optional[Arg]:
        if not isinstance(self.node, cst.Dict):
            return None
        for el in self.node.elements:
            if isinstance(el, cst.DictElement) and common.string(el.key) == key:
                return PyArg(self.doc, el.value)
        return None

    def keys(self) -> Optional[set]:
        if not isinstance(self.node, cst.Dict):
            return None
        found = [common.string(el.key) if isinstance(el, cst.DictElement) else None for el in self.node.elements]
        return None if None in found else set(found)

    def variable(self, attrs: Sequence[str] = ()) -> Optional[str]:
        node = self.node
        while isinstance(node, cst.Attribute) and node.attr.value in attrs:
            node = node.value
        return _norm(self.doc, node) if isinstance(node, (cst.Name, cst.Attribute)) else None

    def call(self, *qualnames: str) -> Optional[Tuple[str, List[Arg]]]:
        node = self.node
        if not isinstance(node, cst.Call) or any(a.star for a in node.args):
            return None
        have = self.doc.qualified_names(node.func)
        q = next((q for q in qualnames if q in have), None)
        return (q, [PyArg(self.doc, a.value) for a in node.args if a.keyword is None]) if q else None

    def callee(self) -> Optional[str]:
        """An unresolved call (a helper of the file) is named ``""``."""
        if not isinstance(self.node, cst.Call):
            return None
        names = self.doc.qualified_names(self.node.func)
        return sorted(names)[0].rsplit(".", 1)[-1] if names else ""

    def calls(self) -> List[Arg]:
        return [PyArg(self.doc, n) for n in common.walk(self.node) if isinstance(n, cst.Call)]

    def refs(self) -> set:
        out = set()
        for n in common.walk(self.node):
            if isinstance(n, (cst.Name, cst.Attribute)):
                ref = _norm(self.doc, n)
                out |= {ref, _FUNCTION_ATTRS.sub("", ref)}
        return out

    def props(self, qualname: str) -> Optional[Props]:
        return PyProps(self, (), self.node) if self.call(qualname) else None  # to read: its owner is this

    def items(self) -> Optional[List[Arg]]:
        if not isinstance(self.node, cst.List) or not all(isinstance(el, cst.Element) for el in self.node.elements):
            return None
        return [PyArg(self.doc, el.value) for el in self.node.elements]

    def call_arg(self, index: int, keyword: str) -> Optional[Arg]:
        if not isinstance(self.node, cst.Call):
            return None
        given = kwarg(self.node, keyword)
        pos = [a.value for a in self.node.args if a.keyword is None and not a.star]
        node = given.value if given is not None else (pos[index] if len(pos) > index else None)
        return PyArg(self.doc, node) if node is not None else None

    def props_inside(self, qualname: str) -> List[Optional[Props]]:
        return [None if any(a.star for a in n.args) else PyProps(self, (), n) for n in common.walk(self.node)
                if isinstance(n, cst.Call) and qualname in self.doc.qualified_names(n.func)]


class PyProps(Props):
    """The keyword arguments of the construct's call, or of a struct call reached from it
    through the props ``path``."""

    def __init__(self, owner: "PyConstruct", path: Tuple[str, ...], node: cst.Call):
        self.owner, self.path, self.node = owner, path, node

    def _arg(self, prop: str) -> Optional[cst.Arg]:
        return kwarg(self.node, prop)

    def arg(self, prop: str) -> Optional[Arg]:
        a = self._arg(prop)
        return PyArg(self.owner.doc, a.value) if a is not None else None

    def _made(self, node, qualname: str) -> bool:
        return (isinstance(node, cst.Call) and qualname in self.owner.doc.qualified_names(node.func)
                and not any(a.star for a in node.args))

    def struct(self, prop: str, qualname: str) -> Any:
        arg = self._arg(prop)
        if arg is None or _is_none(arg.value):
            return ABSENT
        return PyProps(self.owner, self.path + (prop,), arg.value) if self._made(arg.value, qualname) else UNKNOWN

    def structs(self, prop: str, qualname: str) -> Any:
        arg = self._arg(prop)
        if arg is None or _is_none(arg.value):
            return ABSENT
        if not isinstance(arg.value, cst.List):
            return UNKNOWN
        items = [el.value if isinstance(el, cst.Element) else None for el in arg.value.elements]
        if not all(self._made(v, qualname) for v in items):
            return UNKNOWN
        return [PyProps(self.owner, self.path + ((prop, i),), v) for i, v in enumerate(items)]

    def append(self, prop: str, value: Any) -> List[Edit]:
        return self.owner.doc.add_list_element(self._arg(prop).value, self.owner.render(value))

    def value_source(self, prop: str) -> str:
        return self.owner.doc.source(self._arg(prop).value)

    def _locate(self, call: cst.Call) -> cst.Call:
        for p in self.path:  # a prop, or (prop, index) of a list's item
            call = kwarg(call, p).value if isinstance(p, str) else kwarg(call, p[0]).value.elements[p[1]].value
        return call

    def strings(self, prop: str) -> Optional[List[str]]:
        arg = self._arg(prop)
        node = arg.value if arg is not None else None
        if not isinstance(node, (cst.List, cst.Tuple)):
            return None
        out = []
        for el in node.elements:
            v = common.string(el.value) if isinstance(el, cst.Element) else None
            if v is None:
                return None
            out.append(v)
        return out

    def _plain_string(self, prop: str) -> Optional[cst.SimpleString]:
        arg = self._arg(prop)
        node = arg.value if arg is not None else None
        return node if isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower() else None

    def string_literal(self, prop: str) -> Optional[str]:
        node = self._plain_string(prop)
        return node.evaluated_value if node is not None else None

    def position(self, prop: str) -> Tuple[int, int, int]:
        pos = self.owner.doc.range(self._arg(prop).value)
        return pos.start.line, pos.start.column + 1, pos.end.line

    def add_in_order(self, qualname: str, values: Sequence[Tuple[str, Any]]) -> List[Edit]:
        owner = self.owner
        rendered = [(k, owner.render(v)) for k, v in values]
        return add_kwargs(owner.doc, self._locate(owner.site.call), rendered, order_of(qualname))

    def edit(self, set: Sequence[Tuple[str, Any]] = (), remove: Sequence[str] = (),
             trailing: Collection[str] = ()) -> List[Edit]:
        render = self.owner.render
        present = [(k, v) for k, v in set if self.has(k)]
        new = [(k, render(v)) for k, v in set if not self.has(k)]
        remove = [k for k in remove if self.has(k)]

        def replace(d, s):
            call = self._locate(s.call)
            out = []
            for k, v in present:
                old = kwarg(call, k).value
                text = py_string(v, d.source(old)) if isinstance(v, str) and common.string(old) is not None else render(v)
                out += d.replace_node(old, text)
            return out

        def add(d, s):
            call = self._locate(s.call)
            args = list(call.args)
            tail = len(args)
            while tail > 0 and args[tail - 1].keyword is not None and args[tail - 1].keyword.value in trailing:
                tail -= 1
            if 0 < tail < len(args):
                return d.add_kwargs(call, new, before=args[tail])
            return d.add_kwargs(call, new)

        def remover(k):
            return lambda d, s: d.remove_arg(self._locate(s.call), kwarg(self._locate(s.call), k))

        doc, site = self.owner.doc, self.owner.site
        steps = ([replace] if present else []) + ([add] if new else []) + [remover(k) for k in remove]
        if len(steps) == 1 and not remove:
            return steps[0](doc, site)
        return rewrite_call(doc, site, steps) if steps else []


class PyConstruct(PyProps, ConstructCall):
    def __init__(self, doc: PythonDoc, site: CallSite, struct: bool = False):
        self.doc, self.site, self._struct = doc, site, struct
        PyProps.__init__(self, self, (), site.call)
        self.qualname, self.target = site.qualname, site.target
        self.line, self.column, self.end_line = site.line, site.column, site.end_line
        self.r: Optional[Renderer] = None

    # -------------------------------------------------------------- naming
    @property
    def resource_type(self) -> str:
        return self.qualname.replace("aws_cdk.", "", 1)

    @property
    def id(self) -> Optional[str]:
        if self._struct:
            return None
        return self.site.string_arg(1 if self.qualname.rpartition(".")[2][:1].isupper() else 0)

    @property
    def name(self) -> str:
        if self._struct or not self.qualname.rpartition(".")[2][:1].isupper():
            return self.id or self.target or self.site.class_name
        return common.name_of(self.site)

    def given_to(self, methods: Sequence[str]) -> str:
        doc = self.doc
        node = doc.parent(self.site.call)
        while node is not None and not isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            if isinstance(node, cst.Call):
                if isinstance(node.func, cst.Attribute) and node.func.attr.value.startswith(tuple(methods)):
                    return doc.code(node.func.value)
                args = [a for a in node.args if a.keyword is None and not a.star]
                if len(args) > 1 and common.string(args[1].value):
                    return common.string(args[1].value)
            node = doc.parent(node)
        return ""

    def before_in_scope(self, other: ConstructCall) -> bool:
        doc = self.doc
        same = doc.enclosing(self.site.call, cst.FunctionDef) is doc.enclosing(other.site.call, cst.FunctionDef)
        return self.line < other.line and (same or bool(self.target and self.target.startswith("self.")))

    def enclosing(self, qualname: str) -> Optional[ConstructCall]:
        doc = self.doc
        cur = doc.parent(self.site.call)
        while cur is not None:
            if isinstance(cur, cst.Call) and qualname in doc.qualified_names(cur.func):
                return PyConstruct(doc, doc._site(cur, qualname))
            cur = doc.parent(cur)
        return None

    def id_parts(self) -> Optional[List[Part]]:
        node = self.site.positional(1)
        text = common.string(node)
        if text:
            return [text]
        if isinstance(node, cst.FormattedString):
            return [p.value if isinstance(p, cst.FormattedStringText)
                    else Expr(self.doc.code(p.expression), self.doc.code(p)) for p in node.parts]
        return None

    def env_suffix(self) -> Optional[str]:
        return common.env_suffix_expr(self.doc, self.site.call)

    # -------------------------------------------------------------- reading
    @property
    def opaque(self) -> bool:
        return self.site.has_star_kwargs()

    @property
    def source(self) -> str:
        return _norm(self.doc, self.site.call)

    @property
    def own_statement(self) -> bool:
        return bool(self.target) and common.own_statement(self.doc, self.site)

    @property
    def can_add_before(self) -> bool:
        return common.own_statement(self.doc, self.site)

    # -------------------------------------------------------------- writing
    def string(self, parts: Sequence[Part]) -> str:
        node = self.site.positional(1)
        like = self.doc.code(node) if isinstance(node, cst.SimpleString) else file_quote(self.doc)
        if not any(isinstance(p, Expr) for p in parts):
            return py_string("".join(parts), like)
        if isinstance(node, cst.FormattedString):
            start, end = node.start, node.end
        else:
            q = py_string("", like)[0]
            start, end = f"f{q}", q
        body = "".join(p.source or f"{{{p.code}}}" if isinstance(p, Expr)
                       else p.replace("{", "{{").replace("}", "}}") for p in parts)
        return f"{start}{body}{end}"

    def render(self, v: Any) -> str:
        if isinstance(v, Json):
            return self._json(v.fields)
        if isinstance(v, New):
            args = ", ".join(f"{k}={self.render(x)}" for k, x in v.props)
            return f"{self.r.ref(v.qualname)}({args})"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{self.r.value(k)}: {self.render(x)}" for k, x in v.items()) + "}"
        if isinstance(v, (list, tuple)):
            return f"[{', '.join(self.render(x) for x in v)}]"
        return self.r.value(v)

    def append_to_string(self, prop: str, text: str, expr: str, keep_end: str = "") -> List[Edit]:
        """The literal becomes an f-string (its quotes and ``r`` prefix kept). A call on one
        line is rewritten as a whole (so that another codemod's keyword added to the same
        call waits for the next pass instead of lengthening the line alongside), and laid
        out one argument per line when the longer literal pushes it past the file's line
        length, as adding a keyword would: the result does not depend on which codemod
        runs first."""
        doc, node = self.doc, self._plain_string(prop)
        esc = node.raw_value.replace("{", "{{").replace("}", "}}")
        stem, end = (esc[:-len(keep_end)], keep_end) if keep_end and esc.endswith(keep_end) else (esc, "")
        prefix = node.prefix.replace("u", "").replace("U", "")
        new = f"{prefix}f{node.quote}{stem}{text}{{{expr}}}{end}{node.quote}"
        r = doc.range(self.site.call)
        if r.start.line != r.end.line:
            return doc.replace_node(node, new)
        steps = [lambda cur, s: cur.replace_node(node, new)]  # the first step edits ``doc`` itself
        if len(doc.lines.line_text(r.start.line)) + len(new) - len(doc.code(node)) > doc.line_length():
            steps.append(lambda cur, s: cur.explode(s.call))
        return rewrite_call(doc, self.site, steps)

    def name_key(self, prop: str) -> Optional[str]:
        arg = self._arg(prop)
        return name_key(self.doc, arg.value) if arg is not None else None

    @property
    def can_add_companion(self) -> bool:
        return True

    def add_companion(self, prop: str, new: New, word: str, companions: Collection[str],
                      attr: Optional[str] = None) -> List[Edit]:
        doc, site = self.doc, self.site
        id_node = site.positional(1)
        new_id = common.add_word_to_literal(doc, id_node, word) if id_node is not None else None
        if new_id is not None:  # in the id's own style: "orders-log-group", "orders_log_group"
            snake = common.snake(word)
            new_id = new_id.replace(f"-{word}", f"-{snake.replace('_', '-')}").replace(f"_{word}", f"_{snake}")
        if new_id is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        cls, props, imports = self._class_and_props(new)
        scope = site.positional(0)
        args = [doc.source(scope) if scope is not None else "self", new_id] + props
        var = self._variable(word)
        order = order_of(site.qualname)
        if var is None:  # no statement of its own to go before: the new construct is written inline
            inline = doc.render_call("", cls, args) + (f".{attr}" if attr else "")
            return imports + add_kwargs(doc, site.call, [(prop, inline)], order)
        anchor = self._first_companion(companions)
        indent = doc.statement_indent(anchor)
        code = doc.render_call(f"{var} = ", cls, args, like=site.call, indent=indent)
        return (imports + doc.insert_before_statement(anchor, code, blank_line=None)
                + add_kwargs(doc, site.call, [(prop, self.attr(attr, var) if attr else var)], order))

    def _class_and_props(self, new: New):
        """How the file names ``new``'s class, its props as ``k=v``, and the imports: the
        class and the enums of its values from one new import line when the file imports
        nothing of their module."""
        doc, module = self.doc, new.qualname.rpartition(".")[0]
        enums = [v.qualname.rpartition(".")[0] for _, v in new.props if isinstance(v, Member)]
        if (all(doc.name_ref(q) is None for q in [new.qualname] + enums) and not imports_modules(doc)
                and import_from(doc, module) is None and all(e.rpartition(".")[0] == module for e in enums)):
            leaf = lambda q: q[len(module) + 1:]  # noqa: E731
            names = ", ".join(dict.fromkeys([leaf(new.qualname)] + [leaf(e) for e in enums]))
            props = [f"{k}={leaf(v.qualname) if isinstance(v, Member) else self.render(v)}" for k, v in new.props]
            return leaf(new.qualname), props, add_sorted_import(doc, module, names)
        r = Renderer(doc, None)
        cls = r.ref(new.qualname)
        props = [f"{k}={r.value(v)}" for k, v in new.props]
        return cls, props, r.import_edits()

    def _first_companion(self, companions: Collection[str]):
        """Before the construct's statement, and before the statements right above it that
        define what it is given (``dlq = sqs.Queue(...)`` for ``dead_letter_queue=dlq``)."""
        doc, site = self.doc, self.site
        stmt = site.statement
        block = doc.parent(stmt)
        body = list(getattr(block, "body", ()))
        if stmt not in body:
            return stmt
        used = {doc.code(a.value).strip() for a in site.call.args if a.keyword is not None}
        i = body.index(stmt)
        while i > 0:
            prev = body[i - 1]
            small = prev.body[0] if isinstance(prev, cst.SimpleStatementLine) and len(prev.body) == 1 else None
            if not (isinstance(small, cst.Assign) and len(small.targets) == 1
                    and doc.code(small.targets[0].target).strip() in used
                    and isinstance(small.value, cst.Call) and doc.qualified_names(small.value.func) & set(companions)):
                break
            i -= 1
        return body[i]

    def _variable(self, word: str) -> Optional[str]:
        """The new construct's variable, named after this one's (``score_fn`` →
        ``score_fn_log_group``; ``self.fn`` → ``fn_log_group``) or its construct id; None
        when it has no statement of its own or the name is taken."""
        doc, site = self.doc, self.site
        if not common.own_statement(doc, site):
            return None
        if site.target:
            leaf = site.target.rpartition(".")[2]
            var = leaf + word if re.search(r"[a-z][A-Z]", leaf) else f"{leaf}_{common.snake(word)}"
        else:
            text = common.text_of(site.positional(1))
            if not text or not re.fullmatch(r"[A-Za-z0-9_\- ]+", text):
                return None
            var = f"{common.snake(text)}_{common.snake(word)}"
        if not var.isidentifier() or var in common.names_in_use(doc):
            return None
        return var

    def add_before(self, qualname: str, word: str, props: Sequence[Tuple[str, Any]]) -> Tuple[str, List[Edit]]:
        doc, site = self.doc, self.site
        stmt, id_node = site.statement, site.positional(1)
        new_id = common.add_word_to_literal(doc, id_node, word) if id_node is not None else None
        if stmt is None or new_id is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        if site.target:
            var = common.variable_for(site.target, word)
        else:
            var = common.snake(common.text_of(id_node) or "") + "_" + word
        if var in common.names_in_use(doc):
            raise FixError(f"the name {var} is already in use")
        cls = doc.source(site.call.func) if qualname == site.qualname else self.r.ref(qualname)
        scope = site.positional(0)
        args = [doc.source(scope) if scope is not None else "self", new_id]
        args += [f"{k}={self.render(v)}" for k, v in props]
        code = doc.render_call(f"{var} = ", cls, args, like=site.call, indent=doc.statement_indent(stmt))
        return var, doc.insert_before_statement(stmt, code, blank_line=None)

    def _json(self, fields: dict) -> str:
        ref, self.r.imports[("json", None)] = self.doc.import_stdlib("json")
        q = self.r.quote
        return f"{ref}.dumps({{{', '.join(f'{py_string(k, q)}: {py_string(v, q)}' for k, v in fields.items())}}})"

    def add_named_before(self, qualname: str, word: str, props: Sequence[Tuple[str, Any]]) -> Tuple[str, List[Edit]]:
        doc, site = self.doc, self.site
        stmt, id_node = site.statement, site.positional(1)
        text = common.text_of(id_node) if id_node is not None else None
        camel = bool(text and re.fullmatch(r"[A-Za-z0-9{}]*", text) and re.search(r"[A-Z]", text))
        head, *rest = word.split("-")
        new_id = common.add_word_to_literal(doc, id_node, head + "".join(w.capitalize() for w in rest) if camel
                                            else word) if text else None
        if new_id is None or stmt is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        var = f"{site.target or common.snake(text)}_{word.replace('-', '_')}"
        if var in common.names_in_use(doc):
            raise FixError(f"the name {var} is already in use")
        scope = site.positional(0)
        args = [doc.source(scope) if scope is not None else "self", new_id]
        args += [f"{k}={self.render(v)}" for k, v in props]
        code = doc.render_call(f"{var} = ", self.r.ref(qualname), args, like=site.call, indent=doc.statement_indent(stmt))
        return var, doc.insert_before_statement(stmt, code, blank_line=None)

    def add_override_after(self, attrs: Sequence[str], l1: str, prop: str, value: dict,
                           after: Collection[str] = ()) -> List[Edit]:
        doc, stmt, q = self.doc, self.site.statement, self.r.quote
        ind, unit = doc.statement_indent(stmt), doc.indent_unit()
        child = ".".join([self.target, *attrs, "node.default_child"])
        rows = ""
        for k, v in value.items():
            key = f"{py_string(k, q)}: "
            text = self.render(v)
            rows += f"{ind}{unit * 2}{key}{doc.fit(text, ind + unit * 2, len(key) + 1) if isinstance(v, Json) else text},\n"
        code = _dedent(f"{child}.add_property_override(\n{ind}{unit}{py_string(prop, q)},\n{ind}{unit}{{\n"
                       f"{rows}{ind}{unit}}},\n{ind})", ind)
        block = doc.parent(stmt)
        body = list(block.body) if isinstance(block, (cst.IndentedBlock, cst.Module)) else []
        anchor = stmt
        for nxt in body[body.index(stmt) + 1:] if stmt in body else []:
            if not any(_norm(doc, nxt).startswith(f"{child}.add_property_override({py_string(p, q)}") for p in after):
                break
            anchor = nxt  # after api-throttling's override, whichever ran first
        return doc.insert_after_statement(anchor, code)

    def name_with_word(self, prop: str, word: str) -> Optional[str]:
        arg = self._arg(prop)
        return common.add_word_to_literal(self.doc, arg.value, word) if arg is not None else None

    def add_prop(self, prop: str, value: Any) -> List[Edit]:
        return add_kwargs(self.doc, self.site.call, [(prop, self.render(value))], order_of(self.qualname))

    def replace_flag(self, flag: str, prop: str, value: Any) -> List[Edit]:
        arg = self._arg(flag)
        return [Edit(self.doc.start(arg.keyword), self.doc.end(arg.value), f"{prop}={self.render(value)}")]
    def overridden(self, attrs: Sequence[str], prop: str) -> bool:
        return common.overridden(self.doc, ".".join([self.target, *attrs, "node.default_child"]), prop)

    def add_property_override(self, attrs: Sequence[str], l1: str, prop: str, value: dict) -> List[Edit]:
        doc, stmt, r = self.doc, self.site.statement, self.r
        func = ".".join([self.target, *attrs, "node.default_child.add_property_override"])
        items = ", ".join(f"{r.value(k)}: {r.value(v)}" for k, v in value.items())
        code = doc.render_call("", func, [r.value(prop), f"{{{items}}}"], indent=doc.statement_indent(stmt))
        return doc.insert_after_statement(stmt, code)

    def add_to_list(self, prop: str, item: Any, item_type: str) -> List[Edit]:
        return self.append(prop, item) if self.has(prop) else self.add_prop(prop, [item])

    def attr(self, name: str, var: Optional[str] = None) -> str:
        return f"{var or self.target}.{name}"

    def setting(self, prop: str, value: Any) -> str:
        return f"{prop}={Renderer(self.doc, None).value(value)}"

    def spelled(self, prop: str) -> str:
        return prop

    def attr_string(self, var: str, name: str, text: str) -> str:
        q = file_quote(self.doc)
        return f"f{q}{{{self.attr(name, var)}}}{text}{q}"

    def replace_list(self, prop: str, items: Sequence[str]) -> List[Edit]:
        doc, call = self.doc, self.site.call
        lst = self._arg(prop).value
        old = list(lst.elements)
        start = doc.range(lst).start
        if old and doc.range(old[0]).start.line != start.line:  # one element per line: keep that layout
            indent = doc.lines.indent_of(doc.range(old[0]).start.line)
            return [Edit(doc.start(old[0].value), doc.end(old[-1].value), f",\n{indent}".join(items))]
        new_list = f"[{', '.join(items)}]"
        r = doc.range(call)
        grows = len(new_list) - (doc.end(lst) - doc.start(lst))
        if r.start.line != r.end.line or len(doc.lines.line_text(r.start.line)) + grows <= doc.line_length():
            if r.start.line == r.end.line or doc.range(lst).end.line != start.line:
                return doc.replace_node(lst, new_list)
            indent = doc.lines.indent_of(start.line)
            return doc.replace_node(lst, doc.fit(new_list, indent, start.column - len(indent) + 1))
        # the statement's line gets too long: lay the call out one argument per line
        code = doc.text[doc.start(call):doc.start(lst)] + new_list + doc.text[doc.end(lst):doc.end(call)]
        indent = doc.lines.indent_of(r.start.line)
        return doc.replace_node(call, doc.fit(code, indent, r.start.column - len(indent)))

    def add_props(self, props: Sequence[Tuple[str, str]]) -> List[Edit]:
        return self.doc.add_kwargs(self.site.call, list(props))

    def add_construct_after(self, qualname: str, word: str, props: Sequence[Tuple[str, str]],
                            after_own: bool = False) -> List[Edit]:
        doc, site = self.doc, self.site
        func = doc.source(site.call.func)
        if "." in func and qualname.rpartition(".")[0] == self.qualname.rpartition(".")[0]:  # kms.CfnKey → kms.CfnAlias
            cls, imports = func.rsplit(".", 1)[0] + "." + qualname.rpartition(".")[2], []
        else:
            cls, imports = doc.import_name(qualname)
        id_node = site.positional(1)
        new_id = common.add_word_to_literal(doc, id_node, word) if id_node is not None else None
        if new_id is None:
            raise FixError(f"the construct id of '{self.name}' is not a string literal")
        scope = site.positional(0)
        args = [doc.source(scope) if scope is not None else "self", new_id] + [f"{k}={v}" for k, v in props]
        indent = doc.statement_indent(site.statement)
        # a sibling (kms.CfnAlias after its kms.CfnKey) is laid out like the construct; a
        # statement of its own, on one line where it fits (black)
        code = doc.render_call("", cls, args, like=None if after_own else site.call, indent=indent)
        if after_own and self.target:  # a paragraph of its own where the statements around are
            return imports + doc.insert_after_statement(self._last_own(site.statement), code, blank_line=None)
        return imports + doc.insert_after_statement(site.statement, code)

    def _last_own(self, stmt):
        """The last of ``stmt`` and the statements right after it that start with its
        variable (``fn.add_event_source(...)``) or one its statement gives it (its dead-letter
        queue's alarms follow it), assign a value that does (``errors =
        fn.metric_errors().create_alarm(...)``) or use a name those assign, and the alarms of an
        L1 construct (``cloudwatch.Alarm(..., metric=cloudwatch.Metric(dimensions_map={...:
        table.ref}))``: the alarms codemod's)."""
        body = list(self.doc.parent(stmt).body)
        i = next(k for k, s in enumerate(body) if s is stmt)
        heads = {self.target} | _values_named(self.doc.code(stmt))
        alt = "|".join(map(re.escape, heads))
        own = re.compile(r"^\s*(?:[\w.]+\s*=\s*)?(?:" + alt + r")\.")
        l1_alarm = re.compile(r"^\s*(?:[\w.]+\s*=\s*)?(?:\w+\.)?Alarm\((?s:.*)(?<![\w.])(?:" + alt + r")\.ref\b")
        names: list = []
        while i + 1 < len(body):
            code = self.doc.code(body[i + 1])
            if own.match(code) or l1_alarm.match(code):
                m = re.match(r"^\s*([\w.]+)\s*=", code)
                if m:
                    names.append(m.group(1))
            elif not any(re.search(r"(?<![\w.])" + re.escape(n) + r"\b", code) for n in names):
                break
            i += 1
        return body[i]

    def _begin(self) -> None:
        self.r = SharedImports(self.doc, self.site)

    def _imports(self) -> List[Edit]:
        return self.r.import_edits()


class SharedImports(Renderer):
    """The CDK adapter's renderer, except that several names new to a file that imports
    classes (``from aws_cdk.aws_logs import LogGroup, RetentionDays``) share one import."""

    def __init__(self, doc: PythonDoc, site: Optional[CallSite]):
        super().__init__(doc, site)
        self.names: dict = {}  # module -> names to import from it

    def _import(self, module: str, cls: str) -> str:
        if module.startswith("aws_cdk.aws_") and imports_modules(self.doc):
            return super()._import(module, cls)
        name = cls.rpartition(".")[2]
        self.names.setdefault(module, set()).add(name)
        return name

    def import_edits(self) -> List[Edit]:
        edits = super().import_edits()
        for module, names in self.names.items():
            names = sorted(names, key=_isort_key)
            if import_from(self.doc, module) is None:
                edits += add_sorted_import(self.doc, module, ", ".join(names))
                continue
            merged: dict = {}  # names going to the same place: one insertion, in order
            for n in names:
                for e in self.doc.import_name(f"{module}.{n}")[1]:
                    merged[(e.start, e.end)] = merged.get((e.start, e.end), "") + e.replacement
            edits += [Edit(start, end, text) for (start, end), text in merged.items()]
        return edits


class PyMethodCall(MethodCall):
    def __init__(self, doc: PythonDoc, call: cst.Call):
        self.doc, self.call, self.r = doc, call, None
        self.method, self.receiver = call.func.attr.value, PyArg(doc, call.func.value)
        self.args = [PyArg(doc, a.value) for a in call.args if a.keyword is None and not a.star]
        r = doc.range(call)
        self.line, self.column, self.end_line = r.start.line, r.start.column + 1, r.end.line

    @property
    def opaque(self) -> bool:
        return any(a.star for a in self.call.args)

    def arg(self, index: int, keyword: str) -> Optional[Arg]:
        given = kwarg(self.call, keyword)
        if given is not None:
            return PyArg(self.doc, given.value)
        return self.args[index] if len(self.args) > index else None

    def has_option(self, prop: str) -> bool:
        return kwarg(self.call, prop) is not None

    def strings(self) -> List[str]:
        return [v for n in common.walk(self.call) if isinstance(n, (cst.SimpleString, cst.ConcatenatedString))
                for v in [common.string(n)] if v is not None]

    def set_arg(self, index: int, keyword: str, value: Any) -> List[Edit]:
        given = self.arg(index, keyword)
        if given is not None:  # a string in the style of the one replaced
            old = common.string(given.node) is not None and isinstance(value, str)
            return self.doc.replace_node(given.node, py_string(value, self.doc.source(given.node)) if old
                                         else self.render(value))
        return self.doc.add_kwargs(self.call, [(keyword, self.render(value))])

    def render(self, v: Any) -> str:
        return self.r.value(v)

    def _begin(self) -> None:
        self.r = Renderer(self.doc, None)

    def _imports(self) -> List[Edit]:
        return self.r.import_edits()


class PyStack(StackScope):
    """A class deriving from ``Stack``; its code names the stack ``self``."""

    def __init__(self, doc: PythonDoc, cls: cst.ClassDef, instances: set, given: list):
        self.doc, self.cls, self.init = doc, cls, common.init_of(cls)
        self.name, self.variable = cls.name.value, "self"
        pos = doc.range(cls)
        self.line, self.column, self.end_line = pos.start.line, pos.start.column + 1, pos.end.line
        self._instances, self._given, self.r = instances, given, None

    def env_suffix(self) -> Optional[str]:
        return common.env_suffix_expr(self.doc, self.init) if self.init is not None else None

    def given_tags(self) -> List[Arg]:
        return [PyArg(self.doc, n) for n in self._given]

    def instances(self) -> set:
        return set(self._instances)

    @property
    def can_add(self) -> bool:
        return self.init is not None and isinstance(self.init.body, cst.IndentedBlock)  # not "def f(): ..."

    def string(self, parts: Sequence[Part]) -> str:
        if len(parts) == 1 and isinstance(parts[0], Expr):
            return parts[0].code
        q = file_quote(self.doc)
        if not any(isinstance(p, Expr) for p in parts):
            return py_string("".join(parts), q)
        body = "".join(f"{{{p.code}}}" if isinstance(p, Expr) else p.replace("{", "{{").replace("}", "}}")
                       for p in parts)
        return f"f{q}{body}{q}"

    def add_tags(self, tags: Sequence[Tuple[str, str]], after: Sequence[MethodCall]) -> List[Edit]:
        doc = self.doc
        if not self.can_add:
            raise FixError("the stack class has no __init__ block to add tags in")
        ref, imports = doc.import_name("aws_cdk.Tags")
        q = file_quote(doc)
        lines = [f"{ref}.of({self.variable}).add({py_string(k, q)}, {v})" for k, v in tags]
        body = self.init.body.body
        calls = [m.call for m in after]
        mine = [stmt for stmt in body if isinstance(stmt, cst.SimpleStatementLine)
                and isinstance(stmt.body[0], cst.Expr) and any(stmt.body[0].value is c for c in calls)]
        anchor = mine[-1] if mine else body[-1]
        return imports + doc.insert_after_statement(anchor, "\n".join(lines), blank_line=not mine)

    def _begin(self) -> None:
        self.r = Renderer(self.doc, None)

    def _imports(self) -> List[Edit]:
        return self.r.import_edits()


class PyFile(CdkFile):
    def __init__(self, doc: PythonDoc):
        self.doc = doc

    def constructs(self, *qualnames: str) -> List[ConstructCall]:
        sites = self.doc.calls(*qualnames)
        if not sites or common.is_cdk_v1(self.doc):
            return []
        return [PyConstruct(self.doc, s) for s in sites]

    def structs(self, *qualnames: str) -> List[ConstructCall]:
        if common.is_cdk_v1(self.doc):
            return []
        return [PyConstruct(self.doc, s, struct=True) for s in self.doc.calls(*qualnames)]

    def stacks(self) -> List[StackScope]:
        doc = self.doc
        classes = common.stack_classes(doc)
        if not classes or common.is_cdk_v1(doc):
            return []
        by_name = {c.name.value: c for c in classes}
        instances: dict = {c.name.value: set() for c in classes}
        given: dict = {c.name.value: [] for c in classes}
        for n in doc.nodes:  # s = MyStack(app, ...); MyStack(app, ..., tags={...}); super().__init__(..., tags={...})
            if isinstance(n, cst.Assign) and isinstance(n.value, cst.Call) and doc.code(n.value.func) in by_name:
                instances[doc.code(n.value.func)].update(doc.code(t.target) for t in n.targets)
            elif isinstance(n, cst.Call) and kwarg(n, "tags") is not None:
                callee = doc.code(n.func)
                if callee == "super().__init__":
                    cls = doc.enclosing(n, cst.ClassDef)
                    callee = cls.name.value if cls is not None and by_name.get(cls.name.value) is cls else None
                if callee in given:
                    given[callee].append(kwarg(n, "tags").value)
        return [PyStack(doc, c, instances[c.name.value], given[c.name.value]) for c in classes]

    def chained_calls(self, qualname: str, methods: Collection[str]) -> List[MethodCall]:
        doc = self.doc
        calls = sorted((c for m in methods for c in common.method_calls(doc, m)), key=doc.start)
        return [PyMethodCall(doc, c) for c in calls
                if isinstance(c.func.value, cst.Call) and qualname in doc.qualified_names(c.func.value.func)]

    def has_call(self, *qualnames: str) -> bool:
        return bool(self.doc.calls(*qualnames))

    def call_args(self, *qualnames: str) -> List[List[Arg]]:
        return [[PyArg(self.doc, a.value) for a in s.call.args if a.keyword is None and not a.star]
                for s in self.doc.calls(*qualnames)]

    def method_calls(self, method: str) -> List[List[Arg]]:
        return [[PyArg(self.doc, a.value) for a in call.args if a.keyword is None and not a.star]
                for call in common.method_calls(self.doc, method)]

    def method_receivers(self, method: str) -> set:
        return {_norm(self.doc, call.func.value) for call in common.method_calls(self.doc, method)}

    def method_sites(self, methods: Collection[str]) -> List[MethodCall]:
        if common.is_cdk_v1(self.doc):
            return []
        calls = sorted((c for m in methods for c in common.method_calls(self.doc, m)), key=self.doc.start)
        return [PyMethodCall(self.doc, c) for c in calls]

    def calls(self, *qualnames: str) -> List[Tuple[str, Arg]]:
        return [(s.qualname, PyArg(self.doc, s.call)) for s in self.doc.calls(*qualnames)]

    def method_name(self, method: str) -> str:
        return method

    def dead_letter_refs(self) -> set:
        return common.dead_letter_refs(self.doc)

    def edge_functions(self) -> set:
        return set(common.edge_functions(self.doc))

    def construct_ids(self) -> dict:
        out = {}
        for n in self.doc.assignments:
            if isinstance(n, cst.Assign) and isinstance(n.value, cst.Call) and len(n.targets) == 1:
                pos = [a.value for a in n.value.args if a.keyword is None and not a.star]
                cid = common.string(pos[1]) if len(pos) > 1 else None
                if cid is not None:
                    out[_norm(self.doc, n.targets[0].target)] = cid
        return out

    def resource_type(self, qualname: str) -> str:
        return qualname.replace("aws_cdk.", "", 1)


File = PyFile


def _values_named(code: str) -> set:
    """The names a statement uses as values (``orders_dlq`` in ``queue=orders_dlq``,
    ``self.key``): not a module or class it calls through (``sqs.``), not a keyword."""
    out = set()
    for m in re.finditer(r"(?<![\w.])((?:self\.)?[A-Za-z_]\w*)(?![\w(]|\s*=[^=]|\.)", code):
        if m.group(1) not in ("self", "None", "True", "False", "lambda", "not", "and", "or", "in", "is"):
            out.add(m.group(1))
    return out
