"""Formatting variants of golden inputs for the property tests: quoting and argument layout.

Each function takes a source text and a ``random.Random`` and returns the text
written differently in a way the language allows, without changing what it means:

- Python (CDK, Pulumi): blocks indented by 2 or 8 spaces instead of 4; string
  literals in the other quote style; calls written on several lines collapsed onto
  one; one-line call statements spread one argument per line with a hanging indent
  and a trailing comma.
- CloudFormation YAML: plain scalar values single- or double-quoted; the whole
  template re-indented (mapping, sequence and dash offsets) by ruamel.yaml, which
  keeps comments and quotes, with some leaf mappings and lists switched between
  block and flow style.
- Terraform: ``=`` no longer aligned across a block's arguments.

``meaning(language, text)`` is what must not change: the Python AST, the
template's data (tags included), the HCL's data.
"""

from __future__ import annotations

import ast
import random
import re
from typing import Any

import libcst as cst

# ---------------------------------------------------------------- Python


class _Requote(cst.CSTTransformer):
    def __init__(self, rnd: random.Random, every: bool):
        self.rnd, self.every = rnd, every

    def leave_SimpleString(self, original, updated):
        v = updated.value
        prefix = re.match(r"[rRbBuU]*", v).group(0)
        body = v[len(prefix):]
        if body[:3] in ('"""', "'''"):
            return updated
        inner = body[1:-1]
        if any(c in inner for c in "'\"\\"):
            return updated
        if not (self.every or self.rnd.random() < 0.5):
            return updated
        q = "'" if body[0] == '"' else '"'
        return updated.with_changes(value=f"{prefix}{q}{inner}{q}")


def requote_python(text: str, rnd: random.Random) -> str:
    """Plain string literals in the other quote style (all of them, or a random half)."""
    return cst.parse_module(text).visit(_Requote(rnd, rnd.random() < 0.5)).code


class _Reindent(cst.CSTTransformer):
    def __init__(self, indent: str):
        self.indent = indent

    def leave_IndentedBlock(self, original, updated):
        return updated.with_changes(indent=self.indent)


def reindent_python(text: str, rnd: random.Random) -> str:
    """Every block indented by 2 or 8 spaces (continuation lines keep their place relative
    to their block). Files indented with tabs are left alone."""
    module = cst.parse_module(text)
    if "\t" in module.default_indent:
        return text
    return module.visit(_Reindent(rnd.choice(["  ", " " * 8]))).code


_FLAT = cst.SimpleWhitespace("")


class _Flatten(cst.CSTTransformer):
    """Every line break between brackets of the visited subtree becomes nothing (or one
    space after a comma); trailing commas go."""

    def leave_ParenthesizedWhitespace(self, original, updated):
        return _FLAT

    def leave_Comma(self, original, updated):
        if isinstance(original.whitespace_after, cst.ParenthesizedWhitespace):
            updated = updated.with_changes(whitespace_after=cst.SimpleWhitespace(" "))
        if isinstance(original.whitespace_before, cst.ParenthesizedWhitespace):
            updated = updated.with_changes(whitespace_before=_FLAT)
        return updated

    def _drop_trailing(self, updated, field):
        items = list(getattr(updated, field))
        if items and isinstance(items[-1].comma, cst.Comma):
            items[-1] = items[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(**{field: items})

    def leave_Call(self, original, updated):
        return self._drop_trailing(updated, "args")

    def leave_List(self, original, updated):
        return self._drop_trailing(updated, "elements")

    def leave_Dict(self, original, updated):
        return self._drop_trailing(updated, "elements")


class _Layout(cst.CSTTransformer):
    def __init__(self, module: cst.Module, rnd: random.Random):
        self.module, self.rnd = module, rnd
        self.depth = 0  # inside a call being collapsed

    def _code(self, node) -> str:
        return self.module.code_for_node(node)

    # Collapse: a call written over several lines, with no comment in it, onto one line.
    def visit_Call(self, node):
        if self.depth:
            return True
        code = self._code(node)
        if "\n" in code and "#" not in code and '"""' not in code and "'''" not in code and self.rnd.random() < 0.5:
            self.depth += 1
            self._collapse = node
        return True

    def leave_Call(self, original, updated):
        if self.depth and original is getattr(self, "_collapse", None):
            self.depth -= 1
            return updated.visit(_Flatten())
        return updated

    # Expand: a one-line statement whose value is a call, one argument per line.
    def leave_SimpleStatementLine(self, original, updated):
        if len(updated.body) != 1:
            return updated
        stmt = updated.body[0]
        call = getattr(stmt, "value", None)
        if not isinstance(stmt, (cst.Assign, cst.Expr, cst.AnnAssign)) or not isinstance(call, cst.Call):
            return updated
        code = self._code(original)
        if not call.args or "\n" in code.strip("\n") or "#" in code or self.rnd.random() < 0.5:
            return updated
        if any(a.star for a in call.args):
            return updated

        def brk(extra: str) -> cst.ParenthesizedWhitespace:
            return cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace(extra))

        args = []
        for i, a in enumerate(call.args):
            last = i == len(call.args) - 1
            comma = cst.Comma(whitespace_after=_FLAT if last else brk("    "))
            args.append(a.with_changes(comma=comma, whitespace_after_arg=brk("") if last else _FLAT))
        new_call = call.with_changes(args=args, whitespace_before_args=brk("    "))
        return updated.with_changes(body=[stmt.with_changes(value=new_call)])


def relayout_python(text: str, rnd: random.Random) -> str:
    """Some multi-line calls collapsed onto one line, some one-line call statements spread."""
    module = cst.parse_module(text)
    return module.visit(_Layout(module, rnd)).code


# ---------------------------------------------------------------- CloudFormation YAML

_YAML_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z0-9_]+:[ ]+)([A-Za-z/][A-Za-z0-9:_./-]*)([ ]*)$")
_YAML_SPECIAL = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")


def requote_yaml(text: str, rnd: random.Random) -> str:
    """Plain scalar values quoted, single or double (outside block scalars)."""
    out = []
    block_indent = None
    for line in text.splitlines(True):
        body = line.rstrip("\r\n")
        indent = len(body) - len(body.lstrip(" "))
        if block_indent is not None:
            if body.strip() == "" or indent > block_indent:
                out.append(line)
                continue
            block_indent = None
        if _BLOCK_SCALAR.search(body):
            block_indent = indent
        m = _YAML_VALUE.match(body)
        if m and m.group(2).lower() not in _YAML_SPECIAL and rnd.random() < 0.6:
            q = rnd.choice("'\"")
            line = f"{m.group(1)}{q}{m.group(2)}{q}{m.group(3)}" + line[len(body):]
        out.append(line)
    return "".join(out)


# (mapping indent, sequence indent, dash offset) that YAML allows.
_YAML_INDENTS = [(2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 6, 4), (3, 5, 3)]


def reindent_yaml(text: str, rnd: random.Random) -> str:
    """The template re-emitted by ruamel.yaml with other indentation widths and some leaf
    collections in the other style (block ⇄ flow). Templates with
    a mapping inside a flow sequence are left alone: ruamel re-emits ``[{Name: x}]`` as the
    single-pair form ``[Name: x]``, a change of layout that is not indentation."""
    import io

    if re.search(r"\[\s*\{", text):
        return text

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 16
    mapping, sequence, offset = rnd.choice(_YAML_INDENTS)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    data = yaml.load(text)
    _restyle(data, rnd, 0)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _restyle(node, rnd: random.Random, depth: int) -> None:
    """Some leaf collections (scalars only, no comments) below the resources' level
    switch between block style and flow style: ``{Key: a, Value: b}`` ⇄ block."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return
    children = list(node.values()) if isinstance(node, CommentedMap) else list(node)
    leaf = children and not any(isinstance(c, (dict, list)) for c in children)
    if leaf and depth >= 3 and not node.ca.items and rnd.random() < 0.4:
        if node.fa.flow_style():
            node.fa.set_block_style()
        else:
            node.fa.set_flow_style()
    for c in children:
        _restyle(c, rnd, depth + 1)


# ---------------------------------------------------------------- Terraform

_TF_ARG = re.compile(r"^(\s*[A-Za-z_][\w-]*)( +)=( )")


def unalign_terraform(text: str, rnd: random.Random) -> str:
    """One space before ``=`` instead of ``terraform fmt``'s alignment (outside heredocs)."""
    out = []
    heredoc = None
    for line in text.splitlines(True):
        body = line.rstrip("\r\n")
        if heredoc is not None:
            if body.strip() == heredoc:
                heredoc = None
            out.append(line)
            continue
        h = re.search(r"<<-?([A-Z_]+)\s*$", body)
        if h:
            heredoc = h.group(1)
        m = _TF_ARG.match(body)
        if m and len(m.group(2)) > 1 and rnd.random() < 0.7:
            line = f"{m.group(1)} = " + body[m.end():] + line[len(body):]
        out.append(line)
    return "".join(out)


_GO_KEY = re.compile(r"^(\s+[A-Z]\w*):( {2,})(?=\S)")


def unalign_go(text: str, rnd: random.Random) -> str:
    """One space after ``Key:`` instead of gofmt's alignment, and some strings written as
    raw strings (`` `x` `` for ``"x"``, where the two mean the same)."""
    from iacfix.transforms.go import parse

    doc = parse(text)
    spans, stack = [], [doc.tree.root_node]
    while stack:
        n = stack.pop()
        if n.type == "import_declaration":
            continue
        if n.type == "interpreted_string_literal":
            body = doc.source(n)[1:-1]
            if "\\" not in body and "`" not in body and rnd.random() < 0.5:
                spans.append((doc.start(n), doc.end(n), f"`{body}`"))
            continue
        stack.extend(n.children)
    for start, end, raw in sorted(spans, reverse=True):
        text = text[:start] + raw + text[end:]
    out = []
    for line in text.splitlines(True):
        body = line.rstrip("\r\n")
        m = _GO_KEY.match(body)
        if m and rnd.random() < 0.7:
            line = f"{m.group(1)}: " + body[m.end():] + line[len(body):]
        out.append(line)
    return "".join(out)


# ---------------------------------------------------------------- meaning


def _plain(obj: Any) -> Any:
    tag = getattr(getattr(obj, "tag", None), "value", None)
    if isinstance(obj, dict):
        value: Any = {str(k): _plain(v) for k, v in obj.items()}
    elif isinstance(obj, list):
        value = [_plain(v) for v in obj]
    elif hasattr(obj, "value") and tag:  # a tagged scalar: !Ref X
        value = _plain(obj.value)
    elif isinstance(obj, bool):
        value = bool(obj)
    elif isinstance(obj, int):
        value = int(obj)
    elif isinstance(obj, float):
        value = float(obj)
    elif isinstance(obj, str):
        value = str(obj)
    else:
        value = obj
    return (tag, value) if tag else value


def meaning(language: str, text: str) -> Any:
    if language in ("cdk", "pulumi"):
        return ast.dump(ast.parse(text))
    if language == "cloudformation":
        from iacfix.transforms import cloudformation

        return _plain(cloudformation.parse(text).data)
    if language == "terraform":
        import hcl2

        return hcl2.loads(text)
    if language == "go":  # the tokens, strings by their value (raw or interpreted alike)
        from iacfix.transforms.go import parse, string_value

        doc = parse(text)
        out, stack = [], [doc.tree.root_node]
        while stack:
            n = stack.pop()
            if n.type in ("interpreted_string_literal", "raw_string_literal"):
                out.append(("string", string_value(doc, n)))
            elif n.type == "comment":
                continue
            elif n.child_count == 0:
                out.append(doc.source(n))
            else:
                stack.extend(reversed(n.children))
        return out
    raise ValueError(language)
