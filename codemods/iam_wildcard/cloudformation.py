"""iam_wildcard for CloudFormation: Allow statements name this template's resources, not '*'.

Checked: the statements of identity policies — ``Policies`` of ``AWS::IAM::Role`` /
``User`` / ``Group``, the ``PolicyDocument`` of ``AWS::IAM::Policy`` /
``ManagedPolicy`` / ``RolePolicy`` / ``UserPolicy`` / ``GroupPolicy``, and the
inline policy documents in the ``Policies`` of ``AWS::Serverless::Function`` /
``StateMachine``. A statement with ``Effect: Allow``, literal ``Action`` (a string or
a list of strings) and ``Resource: '*'`` (or a list holding only ``'*'``) is a
finding.

When ``actions.narrowing`` returns a Narrowing and the template defines exactly
one resource of its kind (table: ``AWS::DynamoDB::Table`` / ``GlobalTable`` /
``AWS::Serverless::SimpleTable``; bucket: ``AWS::S3::Bucket``; queue:
``AWS::SQS::Queue``; topic: ``AWS::SNS::Topic``; key: ``AWS::KMS::Key``; stream:
``AWS::Kinesis::Stream``; function: ``AWS::Lambda::Function`` /
``AWS::Serverless::Function``; secret: ``AWS::SecretsManager::Secret``) with the
same ``Condition`` as the policy's resource, the unsafe fix replaces ``'*'`` with
that resource's ARN (``!GetAtt X.Arn``; ``!Ref X`` for topics and secrets, whose
Ref is their ARN) and the derived forms (``!Sub '${X.Arn}/*'``,
``'${X.Arn}/index/*'``, ``'${X.Arn}:*'``), one value or a block list. Otherwise the
finding has no fix and its message says why.

Not covered (no finding): Deny statements, ``NotAction`` / ``NotResource``, actions
that are not literal (a parameter, an ``!If``), statements or documents given by
an intrinsic, resource-based policies (bucket, queue, topic, key policies: their
``Resource`` scopes the resource they are attached to), SAM policy templates
(``DynamoDBCrudPolicy: {TableName: ...}``), managed policies attached by ARN.
"""

from __future__ import annotations

from iacfix.codemods.iam_wildcard.actions import FORM_SUFFIX, Narrowing, narrowing, star_is_right
from iacfix.core import Gap
from iacfix.transforms.cloudformation import (
    CfnDoc,
    GetAtt,
    Ref,
    Sub,
    get,
    intrinsic,
    is_map,
    is_seq,
    key_node,
    scalar,
)

# kind → (resource types, GetAtt attribute of the ARN; None: Ref is the ARN)
KINDS = {
    "table": (("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable"), "Arn"),
    "bucket": (("AWS::S3::Bucket",), "Arn"),
    "queue": (("AWS::SQS::Queue",), "Arn"),
    "topic": (("AWS::SNS::Topic",), None),
    "key": (("AWS::KMS::Key",), "Arn"),
    "stream": (("AWS::Kinesis::Stream",), "Arn"),
    "function": (("AWS::Lambda::Function", "AWS::Serverless::Function"), "Arn"),
    "secret": (("AWS::SecretsManager::Secret",), None),
}

WITH_POLICIES = ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")
WITH_DOCUMENT = ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy",
                 "AWS::IAM::GroupPolicy")
SAM_POLICIES = ("AWS::Serverless::Function", "AWS::Serverless::StateMachine")


def _documents(res):
    """(where, policy document) for each identity policy document of ``res``."""
    if res.type in WITH_DOCUMENT:
        yield "PolicyDocument", res.prop("PolicyDocument")
    elif res.type in WITH_POLICIES:
        policies = res.prop("Policies")
        for i, p in enumerate(policies.value if is_seq(policies) else []):
            yield f"Policies/{i}", get(p, "PolicyDocument")
    elif res.type in SAM_POLICIES:
        policies = res.prop("Policies")
        docs = policies.value if is_seq(policies) else [policies] if is_map(policies) else []
        for i, p in enumerate(docs):
            if is_map(p) and get(p, "Statement") is not None:
                yield f"Policies/{i}", p


def _statements(document):
    if not is_map(document) or intrinsic(document):
        return []
    st = get(document, "Statement")
    if is_seq(st):
        return list(enumerate(st.value))
    return [(0, st)] if is_map(st) else []


def _star(node) -> bool:
    if scalar(node) == "*":
        return True
    return is_seq(node) and bool(node.value) and all(scalar(i) == "*" for i in node.value)


def _actions(node):
    """The literal actions of a statement, or None when one is not literal."""
    values = node.value if is_seq(node) else [node]
    out = [scalar(v) for v in values]
    return None if not out or any(a is None for a in out) else out


def detect(doc: CfnDoc, ctx):
    resources = doc.resources()
    for res in resources:
        if res.type not in WITH_POLICIES + WITH_DOCUMENT + SAM_POLICIES:
            continue
        if not is_map(res.properties) or intrinsic(res.properties):
            continue
        for where, document in _documents(res):
            for i, st in _statements(document):
                if not is_map(st) or intrinsic(st) or scalar(get(st, "Effect")) != "Allow":
                    continue
                if get(st, "NotAction") is not None or not _star(get(st, "Resource")):
                    continue
                actions = _actions(get(st, "Action")) if get(st, "Action") is not None else None
                if actions is None or star_is_right(actions):
                    continue  # not readable, or X-Ray/listing actions, which only take "*"
                yield _gap(doc, res, resources, where, i, st, actions)


def _gap(doc: CfnDoc, res, resources, where: str, i: int, st, actions) -> Gap:
    shown = actions[0] if len(actions) == 1 else f"{actions[0]} and {len(actions) - 1} more"
    what = f"IAM statement in '{res.name}' allows {shown} on every resource ('*')"
    result = narrowing(actions)
    fix = None
    if isinstance(result, Narrowing):
        target, why = _target(doc, res, resources, result.kind)
        if target is None:
            what += f": not narrowed, {why}"
        else:
            values = [_arn(target, result.kind, form) for form in result.forms]
            value = values[0] if len(values) == 1 else values
            what += f"; it can be narrowed to {result.kind} '{target.name}'"
            fix = lambda: [doc.replace_entry(st, "Resource", value)]
    else:
        what += f": not narrowed, {result}"
    key = key_node(st, "Resource")
    return Gap(
        line=doc.line_of(key),
        column=key.start_mark.column + 1,
        end_line=doc.end_line_of(get(st, "Resource")),
        resource_type=res.type,
        resource_name=res.name,
        message=what,
        fix=fix,
        unsafe=True,
        detail=f"{where}/Statement/{i}",
        suppress_lines=(doc.line_of(st), doc.line_of(st) - 1),
    )


def _target(doc: CfnDoc, res, resources, kind: str):
    """(the one resource of ``kind``, None) or (None, why not)."""
    types = KINDS[kind][0]
    found = [r for r in resources if r.type in types]
    if len(found) != 1:
        return None, f"the template defines {len(found) or 'no'} {kind}{'s' if len(found) != 1 else ''}"
    target = found[0]
    cond = scalar(get(target.node, "Condition"))
    if cond is not None and cond != scalar(get(res.node, "Condition")):
        return None, f"{kind} '{target.name}' exists only under condition {cond}"
    return target, ""


def _arn(target, kind: str, form: str):
    attr = KINDS[kind][1]
    if form == "resource":
        return GetAtt(target.name, attr) if attr else Ref(target.name)
    base = f"${{{target.name}.{attr}}}" if attr else f"${{{target.name}}}"
    return Sub(base + FORM_SUFFIX[form])
