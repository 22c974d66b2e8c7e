"""iam-wildcard for Pulumi Python.

Checked: every IAM policy statement of the file that allows actions on every
resource — ``"Resource": "*"`` or ``"Resource": ["*"]`` — written as

- a dict literal with ``Action`` and ``Resource`` keys (the statements of a
  ``json.dumps({...})`` / ``pulumi.Output.json_dumps({...})`` policy, a dict
  policy, a document kept in a variable), and
- a statement of ``aws.iam.get_policy_document(...)`` / ``get_policy_document_output(...)``
  (``GetPolicyDocumentStatementArgs(actions=..., resources=["*"])`` or its dict
  form; ``effect`` defaults to Allow).

Not findings: Deny statements, statements with ``NotAction`` (or
``not_actions``), with a ``Principal`` (resource policies: a queue or bucket
policy's ``*`` means "this resource"), with an effect or actions that are not
literals (a value the detector cannot know), and resources that are already ARNs.

Fix (UNSAFE — narrowing denies access to resources outside the file): when
``narrowing(actions)`` (codemods/iam_wildcard/actions.py) gives a Narrowing and
the file defines exactly one resource of that kind (table: ``dynamodb.Table``,
bucket: ``s3.Bucket``/``s3.BucketV2``, queue: ``sqs.Queue``, topic:
``sns.Topic``, key: ``kms.Key``, stream: ``kinesis.Stream``, function:
``lambda_.Function``, secret: ``secretsmanager.Secret``), assigned to a variable
defined before the statement, ``"*"`` becomes ``<var>.arn``, or the list of the
forms the actions need (``pulumi.Output.concat(<var>.arn, "/index/*")``, ...).
A ``json.dumps`` around the statement becomes ``pulumi.Output.json_dumps``
(``json.dumps`` cannot serialise an Output). Otherwise the finding has no fix
and says why: narrowing's reason, "the file defines N tables", a statement
whose ``json.dumps`` is not around it (a document kept in a variable), or a
``get_policy_document`` statement (an invoke, which iacfix does not give
resource outputs).
"""

from __future__ import annotations

import re
from typing import List, Optional

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.iam_wildcard.actions import FORM_SUFFIX, Narrowing, narrowing, star_is_right
from iacfix.core import Gap
from iacfix.transforms import python as py

KIND_CLASSES = {
    "table": ("dynamodb.Table",),
    "bucket": ("s3.Bucket", "s3.BucketV2"),
    "queue": ("sqs.Queue",),
    "topic": ("sns.Topic",),
    "key": ("kms.Key",),
    "stream": ("kinesis.Stream",),
    "function": ("lambda_.Function",),
    "secret": ("secretsmanager.Secret",),
}
PLURAL = {"key": "KMS keys", "function": "Lambda functions"}
DOC_FUNCS = ("iam.get_policy_document", "iam.get_policy_document_output")


def detect(doc, ctx):
    for st in _statements(doc):
        yield from _check(doc, st)


class _Statement:
    def __init__(self, node, get, resource_node, invoke):
        self.node = node  # the statement dict / Args call
        self.get = get  # key (JSON spelling) → value node or None
        self.resource = resource_node
        self.invoke = invoke  # a get_policy_document statement


def _dict_get(d, key):
    el = pc.dict_get(d, key)
    return el.value if el is not None else None


def _statements(doc) -> List[_Statement]:
    out = []
    invoke_items = set()
    for call in pc.aws_calls(doc, *DOC_FUNCS):
        lst = pc.kw_value(call.call, "statements")
        if not isinstance(lst, cst.List):
            continue
        for el in lst.elements:
            item = el.value
            invoke_items.add(id(item))
            if isinstance(item, cst.Call) and not pc.has_splat(item):
                g = lambda k, item=item: pc.kw_value(item, _snake(k))  # noqa: E731
            elif isinstance(item, cst.Dict):
                g = lambda k, item=item: _dict_get(item, _snake(k))  # noqa: E731
            else:
                continue
            out.append(_Statement(item, g, g("Resource"), True))
    for d in doc.dicts:
        if id(d) in invoke_items:
            continue
        keys = {pc.string_key(el.key) for el in d.elements if isinstance(el, cst.DictElement)}
        if "Resource" in keys and ("Action" in keys or "NotAction" in keys):
            g = lambda k, d=d: _dict_get(d, k)  # noqa: E731
            out.append(_Statement(d, g, g("Resource"), False))
    return out


def _snake(key: str) -> str:
    return {"Action": "actions", "NotAction": "not_actions", "Resource": "resources", "Effect": "effect",
            "Principal": "principals", "NotPrincipal": "not_principals", "Sid": "sid"}[key]


def _strings(node) -> Optional[List[str]]:
    """A literal string or list of literal strings, else None."""
    v = pc.literal(node)
    if isinstance(v, str):
        return [v]
    if isinstance(node, (cst.List, cst.Tuple)):
        out = []
        for el in node.elements:
            s = pc.literal(el.value) if not isinstance(el, cst.StarredElement) else None
            if not isinstance(s, str):
                return None
            out.append(s)
        return out
    return None


def _holder(doc, node):
    """(resource_type, resource_name, name for messages) of what holds the statement: the
    resource or invoke call it is written in, else the variable it is assigned to."""
    n = doc.parent(node)
    while n is not None:
        if isinstance(n, cst.Call):
            q = doc.qualified_names(n.func)
            if any(x.startswith(pc.AWS + ".") and not x.endswith("Args") for x in q):
                site = next((s for s in doc.calls(*q) if s.call is n), None)
                if site is not None:
                    return pc.rtype(site), pc.label(site), pc.display(site)
        if isinstance(n, (cst.Assign, cst.AnnAssign)):
            t = n.targets[0].target if isinstance(n, cst.Assign) else n.target
            return "policy document", doc.code(t), doc.code(t)
        if isinstance(n, (cst.SimpleStatementLine, cst.FunctionDef, cst.ClassDef)):
            break
        n = doc.parent(n)
    line = f"line {doc.range(node).start.line}"
    return "policy document", line, line


def _check(doc, st: _Statement):
    res = _strings(st.resource)
    if res != ["*"]:
        return
    if st.get("NotAction") is not None or st.get("Principal") is not None or st.get("NotPrincipal") is not None:
        return
    effect = st.get("Effect")
    if effect is not None and pc.literal(effect) != "Allow":
        return  # Deny, or an effect we cannot read
    if effect is None and not st.invoke:
        return  # not a valid IAM statement: leave it to the author
    actions = _strings(st.get("Action"))
    if actions is None or star_is_right(actions):
        return  # not readable, or X-Ray/listing actions, which only take "*"
    rtype, rname, shown = _holder(doc, st.node)
    sid = pc.literal(st.get("Sid"))
    detail = f"statement {sid}" if isinstance(sid, str) else f"statement at {_position(doc, st)}"
    what = ", ".join(actions)
    nw = narrowing(actions)
    reason, fix = None, None
    if not isinstance(nw, Narrowing):
        reason = nw
    else:
        reason, fix = _fixer(doc, st, nw)
    msg = f"IAM statement in '{shown}' allows {what} on every resource ('*')"
    if reason:
        msg += f"; not narrowed: {reason}"
    yield Gap(
        line=doc.range(st.resource).start.line,
        column=doc.range(st.resource).start.column + 1,
        end_line=doc.range(st.resource).end.line,
        resource_type=rtype,
        resource_name=rname,
        message=msg,
        fix=fix,
        unsafe=True,
        detail=detail,
    )


def _position(doc, st) -> str:
    """The statement's place among the dict statements of the file with the same actions
    (stable when other statements change)."""
    code = doc.code(st.get("Action")) if st.get("Action") is not None else ""
    same = [s for s in _statements(doc) if s.get("Action") is not None and doc.code(s.get("Action")) == code]
    i = next(i for i, s in enumerate(same) if s.node is st.node)
    return code + (f" #{i + 1}" if i else "")


def _fixer(doc, st, nw: Narrowing):
    """(reason it cannot be fixed, or None; fix callable, or None)."""
    if st.invoke:
        return "iacfix does not rewrite get_policy_document statements", None
    sites = [s for s in pc.aws_calls(doc, *KIND_CLASSES[nw.kind]) if not _in_loop(doc, s)]
    if len(sites) != 1:
        plural = PLURAL.get(nw.kind, nw.kind + "s")
        return f"the file defines {len(sites)} {plural}", None
    target = sites[0]
    v = pc.var(target)
    line = doc.range(st.node).start.line
    if not v or doc.range(target.call).start.line > line or not _visible(doc, target, st.node):
        return f"the {nw.kind} is not a variable the statement can refer to", None
    dumps = _dumps_call(doc, st.node)
    if dumps is None:
        return "the statement is not written inside json.dumps or pulumi.Output.json_dumps", None
    return None, (lambda: _fix(doc, st, nw, v, dumps))


def _in_loop(doc, site) -> bool:
    return doc.enclosing(site.call, cst.For) is not None or doc.enclosing(site.call, cst.While) is not None


def _visible(doc, target, node) -> bool:
    fn_t = doc.enclosing(target.call, cst.FunctionDef)
    if fn_t is None:
        return True
    if pc.var(target).startswith("self."):
        return doc.enclosing(target.call, cst.ClassDef) is doc.enclosing(node, cst.ClassDef)
    return doc.enclosing(node, cst.FunctionDef) is fn_t


def _dumps_call(doc, node):
    """The json.dumps / Output.json_dumps call the statement is written in, or None."""
    n = doc.parent(node)
    while n is not None and not isinstance(n, (cst.SimpleStatementLine, cst.Lambda, cst.FunctionDef)):
        if isinstance(n, cst.Call):
            q = doc.qualified_names(n.func)
            if q & {"json.dumps", "pulumi.Output.json_dumps"}:
                return n
            if any(x.startswith(pc.AWS + ".") for x in q):
                return None
        n = doc.parent(n)
    return None


def _fix(doc, st, nw, v, dumps):
    edits = []
    concat, more = pc.pulumi_name(doc, "Output.concat")
    edits += more
    like = st.resource if isinstance(st.resource, cst.SimpleString) else None
    items = []
    for form in nw.forms:
        suffix = FORM_SUFFIX[form]
        items.append(py.Code(f"{v}.arn" if not suffix else f"{concat}({v}.arn, {py.str_code(doc, suffix, like)})"))
    r = doc.range(st.resource)
    indent = doc.lines.indent_of(r.start.line)
    rest = doc.lines.line_text(r.start.line)[r.end.column:] if r.start.line == r.end.line else ""
    tail = len(rest.split("#")[0].rstrip())  # the comma or brackets after it, not a comment
    lay = doc.layout()
    opening = doc.lines.indent_of(doc.range(st.node).start.line)
    if len(indent) > len(opening) and indent.startswith(opening):  # the statement's own indentation step
        lay = py.Layout(indent[len(opening):], lay.width)
    before = doc.lines.line_text(r.start.line)[:r.start.column].strip()
    if len(items) == 1:
        code = items[0].text
    elif not re.fullmatch(r"""["']Resource["']\s*:""", before):
        code = py.flat(py.List(items))  # a statement written on one line stays on one line
    else:
        code = py.render(py.List(items), indent, r.start.column, tail, lay)
    edits += doc.replace_node(st.resource, code)
    if "pulumi.Output.json_dumps" not in doc.qualified_names(dumps.func):
        ref, more = pc.pulumi_name(doc, "Output.json_dumps")
        edits += more + doc.replace_node(dumps.func, ref)
    return py.dedupe(edits)
