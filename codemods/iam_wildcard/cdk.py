"""iam_wildcard for AWS CDK v2 Python.

An ``iam.PolicyStatement(actions=[...], resources=["*"])`` that allows (no
``effect``, or ``iam.Effect.ALLOW``) literal actions on ``"*"`` only (every
element of the ``resources`` list is ``"*"``) is reported (unsafe). When
``actions.narrowing(actions)`` names the ARN forms the actions need and the file
creates exactly one construct of that kind (RESOURCES below, L2 or L1), the
unsafe fix replaces ``"*"`` with that construct's ARN attribute and the derived
forms as f-strings (``f"{table.table_arn}/index/*"``, ``f"{bucket.bucket_arn}/*"``,
``f"{fn.function_arn}:*"``). Otherwise the finding has no fix and its message
says why (narrowing's reason, "the file defines 2 tables", the construct is not
assigned to a variable or is created after the statement).

Not reported: statements with ``principals`` (resource policies, e.g. key
policies, where "*" means the resource itself), ``not_actions`` /
``not_resources``, ``Deny``, an ``effect`` or ``actions``/``resources`` the file
cannot read (a variable, ``**kwargs``), ARNs or tokens in ``resources``. Not
covered: policy documents written as dicts (``PolicyDocument.from_json``,
``CfnRole(policies=...)``) and ``Grant`` helpers (they are already scoped).
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.iam_wildcard.actions import FORM_SUFFIX, Narrowing, narrowing, star_is_right
from iacfix.codemods.common.cdk import CFN_FUNCTION, FUNCTIONS
from iacfix.core import Edit, Gap
from iacfix.transforms.python import file_quote, kwarg

IAM = "aws_cdk.aws_iam"
STATEMENT = f"{IAM}.PolicyStatement"

# kind → {construct class: ARN attribute}
RESOURCES = {
    "table": {
        "aws_cdk.aws_dynamodb.Table": "table_arn",
        "aws_cdk.aws_dynamodb.TableV2": "table_arn",
        "aws_cdk.aws_dynamodb.CfnTable": "attr_arn",
    },
    "bucket": {"aws_cdk.aws_s3.Bucket": "bucket_arn", "aws_cdk.aws_s3.CfnBucket": "attr_arn"},
    "queue": {"aws_cdk.aws_sqs.Queue": "queue_arn", "aws_cdk.aws_sqs.CfnQueue": "attr_arn"},
    "topic": {"aws_cdk.aws_sns.Topic": "topic_arn", "aws_cdk.aws_sns.CfnTopic": "attr_topic_arn"},
    "key": {"aws_cdk.aws_kms.Key": "key_arn", "aws_cdk.aws_kms.CfnKey": "attr_arn"},
    "stream": {"aws_cdk.aws_kinesis.Stream": "stream_arn", "aws_cdk.aws_kinesis.CfnStream": "attr_arn"},
    "function": {**{f: "function_arn" for f in FUNCTIONS}, CFN_FUNCTION: "attr_arn"},
    "secret": {"aws_cdk.aws_secretsmanager.Secret": "secret_arn", "aws_cdk.aws_secretsmanager.CfnSecret": "ref"},
}
PLURAL = {"key": "KMS keys", "function": "Lambda functions", "stream": "Kinesis streams"}


def detect(doc, ctx):
    sites = doc.calls(STATEMENT)
    if not sites or common.is_cdk_v1(doc):
        return
    for site in sites:
        actions = _wildcard_actions(doc, site)
        if actions is None:
            continue
        yield _gap(doc, site, actions)


def _strings(node):
    """The values of a list/tuple of plain string literals, else None."""
    if not isinstance(node, (cst.List, cst.Tuple)):
        return None
    out = []
    for el in node.elements:
        s = common.string(el.value) if isinstance(el, cst.Element) else None
        if s is None:
            return None
        out.append(s)
    return out


def _wildcard_actions(doc, site):
    """The literal actions of an Allow statement on "*" only, else None."""
    call = site.call
    if site.has_star_kwargs() or site.positional(0) is not None:
        return None
    if any(kwarg(call, k) is not None for k in ("principals", "not_principals", "not_actions", "not_resources")):
        return None
    effect = kwarg(call, "effect")
    if effect is not None and f"{IAM}.Effect.ALLOW" not in doc.qualified_names(effect.value):
        return None  # Deny, or not known
    res = kwarg(call, "resources")
    resources = _strings(res.value) if res is not None else None
    if not resources or any(r != "*" for r in resources):
        return None
    act = kwarg(call, "actions")
    actions = _strings(act.value) if act is not None else None
    if actions and star_is_right(actions):
        return None  # X-Ray, listing: "*" is the only resource these actions take
    return actions or None


def _gap(doc, site, actions):
    owner = _owner(doc, site)
    where = f" of '{owner}'" if owner else ""
    message = f"IAM statement{where} allows {', '.join(actions)} on every resource ('*')"
    result = narrowing(actions)
    fix = None
    if isinstance(result, Narrowing):
        found = _resource(doc, site, result)
        if isinstance(found, str):
            message += f"; not narrowed: {found}"
        else:
            fix = (lambda found=found: _fix(doc, site, result, *found))
    else:
        message += f"; not narrowed: {result}"
    sid = kwarg(site.call, "sid")
    name = common.string(sid.value) if sid is not None else None
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=site.qualname.replace("aws_cdk.", "", 1),
        resource_name=name or site.target or owner or "PolicyStatement",
        message=message,
        fix=fix,
        unsafe=True,
        detail=",".join(sorted(a.lower() for a in actions)),
    )


def _owner(doc, site) -> str:
    """What the statement is given to: "role" for ``role.add_to_policy(...)``, "OrdersPolicy"
    for a construct's argument, else ""."""
    node = doc.parent(site.call)
    while node is not None and not isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        if isinstance(node, cst.Call):
            if isinstance(node.func, cst.Attribute) and node.func.attr.value.startswith(("add_to_", "add_statements")):
                return doc.code(node.func.value)
            args = [a for a in node.args if a.keyword is None and not a.star]
            if len(args) > 1 and common.string(args[1].value):
                return common.string(args[1].value)
        node = doc.parent(node)
    return ""


def _resource(doc, site, n: Narrowing):
    """(variable, ARN attribute) of the one construct of the kind, or why there is none."""
    classes = RESOURCES[n.kind]
    found = doc.calls(*classes)
    plural = PLURAL.get(n.kind, f"{n.kind}s")
    if len(found) != 1:
        return f"the file defines {len(found)} {plural}" if found else f"the file defines no {n.kind}"
    res = found[0]
    if not res.target:
        return f"the {n.kind} is not assigned to a variable"
    fn = doc.enclosing(site.call, cst.FunctionDef)
    same_scope = doc.enclosing(res.call, cst.FunctionDef) is fn
    if res.line >= site.line or not (same_scope or res.target.startswith("self.")):
        return f"the {n.kind} is not defined before the statement"
    return res.target, classes[res.qualname]


def _fix(doc, site, n: Narrowing, var, attr):
    q = file_quote(doc)
    arn = f"{var}.{attr}"
    items = [arn if form == "resource" else f"f{q}{{{arn}}}{FORM_SUFFIX[form]}{q}" for form in n.forms]
    lst = kwarg(site.call, "resources").value
    stars = list(lst.elements)
    start = doc.range(lst).start
    if doc.range(stars[0]).start.line != start.line:  # one element per line: keep that layout
        indent = doc.lines.indent_of(doc.range(stars[0]).start.line)
        return [Edit(doc.start(stars[0].value), doc.end(stars[-1].value), f",\n{indent}".join(items))]
    new_list = f"[{', '.join(items)}]"
    call = site.call
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
