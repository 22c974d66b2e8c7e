"""required_tags for AWS CDK v2 Go, as for CDK Python (``cdk.py``): stack-wide
``awscdk.Tags_Of(stack).Add(jsii.String(key), jsii.String(value), nil)``.

A stack is a function that creates one (``stack := awscdk.NewStack(...)``): one finding per
such function that creates at least one taggable construct (CDK Python's ``TAGGABLE``, made
the Go way), resource_type "Stack", resource_name the function's name. The fix adds one
``Tags_Of(<stack>).Add(...)`` statement per missing key, after the function's last
``Tags_Of(...)`` statement, else before its final ``return`` (after a blank line), else at
its end.

A key counts as present when ``Tags_Of(<stack>)`` adds it in that function, when
``Tags_Of(scope|app|<awscdk.NewApp() variable>)`` adds it anywhere in the file, or when the
stack is created with ``&awscdk.StackProps{Tags: &map[string]*string{...}}`` holding it. A
key the file cannot read makes the stack (or, for a file-wide scope, the file) unknown. A tag
whose value needs the environment suffix when the function formats no name with one is a
separate, unfixable finding (detail "unrenderable").
"""

from __future__ import annotations

import re

from iacfix.codemods.common import go as common
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.codemods.required_tags.cdk import TAGGABLE, TOOL, _keys, _noun
from iacfix.core import Edit, FixError, Gap
from iacfix.transforms.go import CDK, JSII, _walk_type, go_string

TAGGABLE_GO = {names.constructor(q) for q in TAGGABLE}
_FIELD = re.compile(r"\{(environment_suffix|tool)\}")


def detect(doc, ctx):
    stacks = []  # (function node, stack variable, NewStack site)
    for site in doc.calls():
        if (site.path, site.func) == (CDK, "NewStack") and site.target:
            fn = doc.enclosing_function(site.call)
            if fn is not None and fn.type == "function_declaration":
                stacks.append((fn, site.target, site))
    if not stacks:
        return
    wanted = dict(ctx["tags"])
    wide = {"scope", "app"} | {s.target for s in doc.calls() if (s.path, s.func) == (CDK, "NewApp") and s.target}
    file_keys, fn_keys, unknown = set(), {}, set()
    adds = _tag_adds(doc)
    for call, scope, key, fn in adds:
        mine = [s for s in stacks if s[0] == fn and s[1] == scope]
        if mine:
            if key is None:
                unknown.add(fn)
            fn_keys.setdefault(fn, set()).add(key)
        elif scope in wide:
            if key is None:
                return
            file_keys.add(key)
    for fn, var, site in stacks:
        props = doc.literal(site.arg(2)) if site.arg(2) is not None else None
        tags = props.field("Tags") if props is not None and props.type_name == "StackProps" else None
        if tags is not None:
            keys = _map_keys(doc, tags.value)
            if keys is None:
                unknown.add(fn)
            else:
                fn_keys.setdefault(fn, set()).update(keys)
    seen = set()
    for fn, var, site in stacks:
        if fn in unknown or fn in seen or not _has_taggable(doc, fn):
            continue
        seen.add(fn)
        have = file_keys | fn_keys.get(fn, set())
        missing = [k for k in wanted if k not in have]
        if not missing:
            continue
        env = common.env_suffix_expr(doc, site.call)
        renderable = [k for k in missing if env or "{environment_suffix}" not in str(wanted[k])]
        rest = [k for k in missing if k not in renderable]
        name = doc.source(fn.child_by_field_name("name"))
        fields = dict(line=fn.start_point[0] + 1, column=fn.start_point[1] + 1, end_line=fn.end_point[0] + 1,
                      resource_type="Stack", resource_name=name)
        if renderable:
            yield Gap(
                message=f"Stack '{name}' has no {_keys(renderable)} {_noun(renderable)}",
                fix=lambda fn=fn, var=var, keys=renderable, env=env: _fix(doc, fn, var, keys, wanted, env, adds),
                **fields,
            )
        if rest:
            yield Gap(
                message=(f"Stack '{name}' has no {_keys(rest)} {_noun(rest)}, and no environment suffix "
                         "variable to set it from"),
                detail="unrenderable",
                **fields,
            )


def _tag_adds(doc):
    """(call, scope, key or None, function) of each ``awscdk.Tags_Of(<scope>).Add(<key>, ...)``."""
    out = []
    for node in _walk_type(doc.tree.root_node, "call_expression"):
        fn = node.child_by_field_name("function")
        if fn is None or fn.type != "selector_expression" or doc.source(fn.child_by_field_name("field")) != "Add":
            continue
        recv = fn.child_by_field_name("operand")
        if recv.type != "call_expression" or doc.selector(recv.child_by_field_name("function")) != (CDK, "Tags_Of"):
            continue
        rargs = [c for c in recv.child_by_field_name("arguments").named_children if c.type != "comment"]
        args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
        if len(rargs) != 1:
            continue
        key = literal(doc, args[0]) if args else None
        out.append((node, doc.source(rargs[0]), key if isinstance(key, str) else None, doc.enclosing_function(node)))
    return out


def _map_keys(doc, node):
    """The keys of ``&map[string]*string{"k": ...}``, None when they cannot be read."""
    if node.type == "unary_expression" and doc.source(node.child_by_field_name("operator")) == "&":
        node = node.child_by_field_name("operand")
    if node is None or node.type != "composite_literal" or node.child_by_field_name("type").type != "map_type":
        return None
    keys = set()
    for el in node.child_by_field_name("body").named_children:
        if el.type == "comment":
            continue
        k = el.child_by_field_name("key") if el.type == "keyed_element" else None
        v = literal(doc, k.named_children[0]) if k is not None and k.named_children else None
        if not isinstance(v, str):
            return None
        keys.add(v)
    return keys


def _has_taggable(doc, fn) -> bool:
    return any((s.path, s.func) in TAGGABLE_GO and doc.enclosing_function(s.call) == fn for s in doc.calls())


def _render(r: Renderer, template, env) -> str:
    """A Go ``*string`` expression for a tag value template."""
    template = str(template)
    jsii = r.pkg(JSII)
    if template == "{environment_suffix}":
        return f"{jsii}.String({env})"
    if "environment_suffix" not in _FIELD.findall(template):
        return f"{jsii}.String({go_string(template.replace('{tool}', TOOL))})"
    fmt = common.go_format(template.replace("{tool}", TOOL)).replace("{environment_suffix}", "%s")
    args = ", ".join([env] * template.count("{environment_suffix}"))
    return f"{jsii}.String({r.pkg(common.FMT)}.Sprintf({go_string(fmt)}, {args}))"


def _fix(doc, fn, var, keys, wanted, env, adds):
    r = Renderer(doc)
    lines = [f"{r.pkg(CDK)}.Tags_Of({var}).Add({r.pkg(JSII)}.String({go_string(k)}), {_render(r, wanted[k], env)}, nil)"
             for k in keys]
    body = fn.child_by_field_name("body")
    stmts = [c for c in (body.named_children[0].named_children if body.named_children and
                         body.named_children[0].type == "statement_list" else []) if c.type != "comment"]
    if not stmts:
        raise FixError("the stack function has no statements")
    mine = [c for c, scope, _k, f in adds if f == fn and scope == var]
    if mine:
        stmt = common.statement_of(doc, mine[-1])
        return r.import_edits() + [common.after_statement(doc, stmt, lines)]
    last = stmts[-1]
    if last.type == "return_statement":
        indent = doc.indent_of(last.start_point[0])
        line = last.start_point[0]
        at = doc.line_start(line)
        blank = line > 0 and not doc.text[doc.line_start(line - 1):doc.line_end(line - 1)].strip()
        text = "".join(f"{indent}{ln}\n" for ln in lines) + "\n"
        return r.import_edits() + [Edit(at, at, text if blank else "\n" + text)]
    return r.import_edits() + [common.after_statement(doc, last, [""] + lines)]
