"""iam_wildcard for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``; Go: ``awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{Actions: ...,
Resources: jsii.Strings("*")})``, actions as ``jsii.Strings(...)`` or ``&[]*string{...}``,
the fix ``&[]*string{table.TableArn(), jsii.String(*table.TableArn() + "/index/*")}``).

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

from iacfix.codemods.common.cdk import CFN_FUNCTION, FUNCTIONS
from iacfix.codemods.iam_wildcard.actions import FORM_SUFFIX, Narrowing, narrowing, star_is_right
from iacfix.codemods.lang import cdk_file

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
    f = cdk_file(doc, ctx)
    for st in f.constructs(STATEMENT):
        actions = _wildcard_actions(st)
        if actions is not None:
            yield _gap(f, st, actions)


def _wildcard_actions(st):
    """The literal actions of an Allow statement on "*" only, else None."""
    if st.opaque or any(st.has(k) for k in ("principals", "not_principals", "not_actions", "not_resources")):
        return None
    if st.has("effect") and st.member("effect", f"{IAM}.Effect") != "ALLOW":
        return None  # Deny, or not known
    resources = st.strings("resources")
    if not resources or any(r != "*" for r in resources):
        return None
    actions = st.strings("actions")
    if actions and star_is_right(actions):
        return None  # X-Ray, listing: "*" is the only resource these actions take
    return actions or None


def _gap(f, st, actions):
    owner = st.given_to(("add_to_", "add_statements"))
    where = f" of '{owner}'" if owner else ""
    message = f"IAM statement{where} allows {', '.join(actions)} on every resource ('*')"
    result = narrowing(actions)
    fix = None
    if isinstance(result, Narrowing):
        found = _resource(f, st, result)
        if isinstance(found, str):
            message += f"; not narrowed: {found}"
        else:
            fix = st.fixer(lambda found=found: _fix(st, result, *found))
    else:
        message += f"; not narrowed: {result}"
    sid = st.value("sid")
    return st.gap(message, fix, unsafe=True,
                  resource_name=(sid if isinstance(sid, str) else None) or st.target or owner or "PolicyStatement",
                  detail=",".join(sorted(a.lower() for a in actions)))


def _resource(f, st, n: Narrowing):
    """(variable, ARN attribute) of the one construct of the kind, or why there is none."""
    classes = RESOURCES[n.kind]
    found = f.constructs(*classes)
    plural = PLURAL.get(n.kind, f"{n.kind}s")
    if len(found) != 1:
        return f"the file defines {len(found)} {plural}" if found else f"the file defines no {n.kind}"
    res = found[0]
    if not res.target:
        return f"the {n.kind} is not assigned to a variable"
    if not res.before_in_scope(st):
        return f"the {n.kind} is not defined before the statement"
    return res.target, classes[res.qualname]


def _fix(st, n: Narrowing, var, attr):
    items = [st.attr(attr, var) if form == "resource" else st.attr_string(var, attr, FORM_SUFFIX[form])
             for form in n.forms]
    return st.replace_list("resources", items)
