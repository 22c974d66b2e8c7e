"""iam_wildcard for Terraform: identity-policy statements name resources, not '*'.

Checked: every statement of an identity policy in the file --
``jsonencode({...})`` (or JSON text) given to the ``policy`` of
``aws_iam_role_policy``, ``aws_iam_policy``, ``aws_iam_user_policy``,
``aws_iam_group_policy`` or an ``inline_policy`` block of ``aws_iam_role``, and the
``statement`` blocks of every ``data "aws_iam_policy_document"`` -- that allows
(``Effect`` "Allow"; a policy document's default) literal actions on
``Resource = "*"`` (a string, or a list holding only ``"*"``) is a finding.
When ``narrowing(actions)`` names the resource kind the actions act on and the
file defines exactly one resource of that kind (one ``aws_dynamodb_table``,
``aws_s3_bucket``, ``aws_sqs_queue``, ``aws_sns_topic``, ``aws_kms_key``,
``aws_kinesis_stream``, ``aws_lambda_function`` or ``aws_secretsmanager_secret``,
without ``count``/``for_each``; queues that are the dead-letter queue of another
queue or of a function do not count, so that dead-letter-queue composes in any
order), the UNSAFE fix replaces ``"*"`` with that
resource's ``.arn`` and the derived forms the actions need
(``"${aws_s3_bucket.x.arn}/*"``, ``"${aws_dynamodb_table.x.arn}/index/*"``,
``"${aws_lambda_function.x.arn}:*"``): a single ARN where ``Resource`` was a string,
a list otherwise. Otherwise the finding has no fix and its message says why.
Statements written as JSON text (a heredoc, a string) are reported, never fixed.
No finding: Deny statements, ``NotAction``/``not_actions``, statements with a
``Principal``/``principals`` (resource policies such as key and bucket policies,
where "*" means the resource itself, and trust policies), actions or resources that
are not literals (a variable: unknown), literal ARNs, policy documents the file
cannot read (``file(...)``, ``templatefile``, a ``dynamic "statement"``).
"""

from __future__ import annotations

from lark import Tree

from iacfix.codemods.common.terraform import counted, dead_letter_targets, document_statements, policy_statements

from iacfix.codemods.iam_wildcard.actions import FORM_SUFFIX, narrowing, star_is_right
from iacfix.core import Gap
from iacfix.transforms.terraform import TfDoc, replace_value, string_value, unwrap

POLICY_RESOURCES = ("aws_iam_role_policy", "aws_iam_policy", "aws_iam_user_policy", "aws_iam_group_policy")

RESOURCE_TYPE = {
    "table": "aws_dynamodb_table",
    "bucket": "aws_s3_bucket",
    "queue": "aws_sqs_queue",
    "topic": "aws_sns_topic",
    "key": "aws_kms_key",
    "stream": "aws_kinesis_stream",
    "function": "aws_lambda_function",
    "secret": "aws_secretsmanager_secret",
}
PLURAL = {"table": "tables", "bucket": "buckets", "queue": "queues", "topic": "topics", "key": "KMS keys",
          "stream": "streams", "function": "functions", "secret": "secrets"}


def detect(doc: TfDoc, ctx):
    for res in doc.resources(*POLICY_RESOURCES):
        a = res.attr("policy")
        if a is not None:
            yield from _document(doc, res, a.value, "")
    for role in doc.resources("aws_iam_role"):
        for i, b in enumerate(role.blocks("inline_policy")):
            if b.attr("policy") is not None:
                name = string_value(b.attr("name").value) if b.attr("name") else None
                yield from _document(doc, role, b.attr("policy").value, f"inline_policy[{name or i}]")
    for data in doc.blocks_of("data"):
        if len(data.labels) == 2 and data.labels[0] == "aws_iam_policy_document":
            yield from _statements(doc, data, document_statements(data) or [], "")


def _document(doc: TfDoc, owner, value, where: str):
    node = unwrap(value)
    if isinstance(node, Tree) and node.data in ("get_attr_expr_term", "index_expr_term", "identifier"):
        return  # a data "aws_iam_policy_document" (checked on its own), or unknown
    yield from _statements(doc, owner, policy_statements(doc, value) or [], where)


def _statements(doc: TfDoc, owner, statements, where: str):
    for i, st in enumerate(statements):
        if st.effect != "Allow" or st.not_action or not st.actions or st.principal:
            continue
        if star_is_right(st.actions):
            continue  # X-Ray/listing actions, which only take "*"
        if not (_text_star(st.raw.get("Resource")) if st.style == "text" else _star(st.resource)):
            continue
        yield _finding(doc, owner, st, i, where)


def _star(resource) -> bool:
    """``"*"`` or a list holding only ``"*"``."""
    if resource is None:
        return False
    node = unwrap(resource)
    if isinstance(node, Tree) and node.data == "tuple":
        items = [c for c in node.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]
        return bool(items) and all(string_value(c) == "*" for c in items)
    return string_value(node) == "*"


def _text_star(r) -> bool:
    if isinstance(r, str):
        return r == "*"
    return isinstance(r, list) and bool(r) and all(x == "*" for x in r)


def _finding(doc: TfDoc, owner, st, index: int, where: str) -> Gap:
    rtype, name = owner.labels[0], owner.labels[1]
    what = f"{'data ' if owner.type == 'data' else ''}{rtype} '{name}'" + (f" {where}" if where else "")
    actions = ", ".join(st.actions)
    msg = f"IAM statement {index + 1} of {what} allows {actions} on every resource ('*')"
    node = {"json": st.node, "document": getattr(st.node, "node", None)}.get(st.style, owner.node)
    line, column, end_line = node.meta.line, node.meta.column, node.meta.end_line
    fix, unsafe = None, False
    n = narrowing(st.actions)
    if isinstance(n, str):
        msg += f"; not narrowed: {n}"
    elif st.style == "text":
        msg += "; not narrowed: the policy is JSON text"
    else:
        rt = RESOURCE_TYPE[n.kind]
        candidates = doc.resources(rt)
        if rt == "aws_sqs_queue":
            dlqs = dead_letter_targets(doc)
            candidates = [q for q in candidates if q.labels[1] not in dlqs]
        if len(candidates) != 1:
            msg += f"; not narrowed: the file defines {len(candidates)} {PLURAL[n.kind]}"
        elif counted(candidates[0]):
            msg += f"; not narrowed: {rt}.{candidates[0].labels[1]} uses count/for_each"
        else:
            target = f"{rt}.{candidates[0].labels[1]}"
            msg += f"; it can be narrowed to {target}"
            fix, unsafe = _fixer(doc, st, target, n.forms), True
    return Gap(line=line, column=column, end_line=end_line, resource_type=("data." if owner.type == "data" else "") + rtype,
               resource_name=name, message=msg, fix=fix, unsafe=unsafe,
               detail=f"{where}statement[{index}]")


def _fixer(doc: TfDoc, st, target: str, forms):
    def fix():
        arns = [f"{target}.arn" if not FORM_SUFFIX[f] else f'"${{{target}.arn}}{FORM_SUFFIX[f]}"' for f in forms]
        node = unwrap(st.resource)
        is_list = isinstance(node, Tree) and node.data == "tuple"
        text = arns[0] if len(arns) == 1 and not is_list else "[" + ", ".join(arns) + "]"
        return replace_value(doc, st.resource, text)

    return fix
