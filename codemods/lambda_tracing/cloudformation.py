"""lambda_tracing for CloudFormation: functions trace with X-Ray, and their role may write traces.

(a) Every ``AWS::Lambda::Function`` has ``TracingConfig: {Mode: Active}`` and every
    ``AWS::Serverless::Function`` has ``Tracing: Active`` (a value in SAM
    ``Globals: Function`` counts as set). Missing → added (merged into an existing
    TracingConfig); an explicit other literal (``PassThrough``, SAM ``Disabled``) →
    unsafe finding, replaced with ``--unsafe-fixes``; a parameter or other intrinsic →
    no finding.
(b) An ``AWS::IAM::Role`` of the template that is the execution role (``Role``) of a
    function that traces or is being made to trace (tracing missing or Active) must
    allow ``xray:PutTraceSegments`` and ``xray:PutTelemetryRecords``: it is compliant
    when its ``ManagedPolicyArns`` name ``AWSXRayDaemonWriteAccess`` or
    ``AWSXrayWriteOnlyAccess`` (in any string form), or a statement of its inline
    ``Policies`` or of an ``AWS::IAM::Policy`` / ``AWS::IAM::ManagedPolicy`` of the
    template attached to it allows both actions (``xray:*``, ``xray:Put*``, ``*``
    included). The fix appends
    ``arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess`` to ``ManagedPolicyArns``
    (created when absent, before the role's ``Policies`` so that dead-letter-queue's
    grant composes in any order); written ``!Sub 'arn:${AWS::Partition}:...'`` when the
    template already builds partition-aware ARNs that way. One gap per role (detail
    ``xray``). A function whose tracing finding is suppressed inline does not count
    as being made to trace.
A plain function whose role is given by a parameter, an import or an ``!If`` gets its
tracing finding without a fix (tracing without the grant fails the deploy).
Not covered: roles given by a parameter, an import or an ``!If`` (unknown: no
finding), managed policy ARNs that are not literal text (a parameter: unknown, no
finding), the roles SAM generates (SAM adds the X-Ray permissions itself when
``Tracing`` is ``Active``), permission boundaries and SCPs that could still deny
the actions.
"""

from __future__ import annotations

import fnmatch

from iacfix.codemods.common.aws import no_xray_grant
from iacfix.codemods.common.cloudformation import gap
from iacfix.codemods.lang.cloudformation import add_properties, rule_detector
from iacfix.codemods.lambda_tracing.rules import TRACING, XRAY_ACTIONS, XRAY_POLICIES
from iacfix.core import FixError
from iacfix.transforms.cloudformation import (
    CfnDoc,
    Sub,
    get,
    intrinsic,
    is_map,
    is_null,
    is_seq,
    ref_target,
    refs_in,
    scalar,
    text_of,
    walk,
)

LAMBDA = "AWS::Lambda::Function"
SAM_FUNCTION = "AWS::Serverless::Function"
ROLE = "AWS::IAM::Role"

POLICY_ARN = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
PARTITION_ARN = "arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"


# (a), in the catalog's vocabulary (SAM spells tracing_config.mode ``Tracing``)
functions = rule_detector(TRACING, "lambda-tracing")


def detect(doc: CfnDoc, ctx):
    roles = {r.name for r in doc.resources() if r.type == ROLE}
    by_name = {r.name: r for r in doc.resources()}
    for g in functions(doc, ctx):
        res = by_name.get(g.resource_name)
        if g.fix is not None and res is not None and res.type == LAMBDA and is_map(res.properties):
            # Tracing without the grant fails the deploy: no half fix. (SAM grants it itself.)
            if ref_target(res.prop("Role")) not in roles:
                g.withhold(no_xray_grant("template"))
        yield g
    yield from _roles(doc, ctx)


# ------------------------------------------------------------------- (a) traced functions
def _traced(doc: CfnDoc, res, suppressed: bool) -> bool:
    """Whether the function traces, or will once its safe fix is applied (``suppressed``:
    its finding is suppressed, so it will not)."""
    props = res.properties
    if props is not None and (not is_map(props) or intrinsic(props)) and not is_null(props):
        return False
    if res.type == SAM_FUNCTION:
        node = get(props, "Tracing")
        if node is None:
            node = get(get(get(doc.root, "Globals"), "Function"), "Tracing")
        return scalar(node) == "Active" if node is not None else not suppressed
    config = get(props, "TracingConfig")
    if config is None:
        return not suppressed
    if not is_map(config) or intrinsic(config):
        return False
    mode = get(config, "Mode")
    return scalar(mode) == "Active" if mode is not None else not suppressed


# ------------------------------------------------------------------- (b) roles
def _roles(doc: CfnDoc, ctx):
    resources = doc.resources()
    roles = {r.name: r for r in resources if r.type == ROLE}
    served = {}  # role → first traced function using it
    for res in resources:
        if res.type not in (LAMBDA, SAM_FUNCTION):
            continue
        name = ref_target(res.prop("Role")) if is_map(res.properties) else None
        line = doc.line_of(res.key)
        if name in roles and name not in served and _traced(doc, res, ctx.suppressed(line)):
            served[name] = res.name
    for name, fn in sorted(served.items(), key=lambda kv: doc.line_of(roles[kv[0]].key)):
        role = roles[name]
        if not is_map(role.properties) or intrinsic(role.properties):
            continue
        allowed = _allows_xray(doc, role)
        if allowed is not False:
            continue  # allowed, or unknown
        yield gap(doc, role, f"IAM role '{name}' of traced function '{fn}' is not allowed to write X-Ray traces",
                  fix=_fixer(doc, role), detail="xray")


def _allows_xray(doc: CfnDoc, role):
    """True / False, or None when the role's managed policies cannot be read."""
    arns = role.prop("ManagedPolicyArns")
    params = set(doc.parameter_names())
    if arns is not None:
        if not is_seq(arns):
            return None
        for item in arns.value:
            text = _text(item)
            if text is None:
                return None
            if any(p in text for p in XRAY_POLICIES):
                return True
            if any(t in params for t in refs_in(item)):
                return None  # a parameter could name the policy
    policies = role.prop("Policies")
    documents = [get(p, "PolicyDocument") for p in (policies.value if is_seq(policies) else [])]
    managed = set(refs_in(arns)) if arns is not None else set()
    for other in doc.resources():
        if other.type in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy") \
                and (role.name in set(refs_in(other.prop("Roles"))) or other.name in managed):
            documents.append(other.prop("PolicyDocument"))
    return any(_document_allows(d) for d in documents)


def _text(node):
    """The text of a managed policy ARN item: a literal, the template of a !Sub, the parts of
    a !Join, or the argument of a !Ref / !GetAtt / !ImportValue (names are still names)."""
    s = scalar(node)
    if s is not None:
        return s
    parts = [text_of(n) or "" for _p, n in walk(node)]
    return " ".join(parts)


def _document_allows(document) -> bool:
    statements = get(document, "Statement")
    statements = statements.value if is_seq(statements) else [statements] if is_map(statements) else []
    granted = set()
    for st in statements:
        if not is_map(st) or scalar(get(st, "Effect")) != "Allow":
            continue
        actions = get(st, "Action")
        actions = actions.value if is_seq(actions) else [actions]
        for a in actions:
            a = scalar(a)
            if a is None:
                continue
            for want in XRAY_ACTIONS:
                if fnmatch.fnmatchcase(want.lower(), a.lower()):
                    granted.add(want)
    return granted == set(XRAY_ACTIONS)


def _partition_aware(doc: CfnDoc) -> bool:
    for _p, node in walk(doc.root):
        fn = intrinsic(node)
        if fn and fn[0] == "Fn::Sub" and "arn:${AWS::Partition}:" in (text_of(fn[1]) or ""):
            return True
    return False


def _fixer(doc: CfnDoc, role):
    def fix():
        arn = Sub(PARTITION_ARN) if _partition_aware(doc) else POLICY_ARN
        arns = role.prop("ManagedPolicyArns")
        if arns is None:
            return [add_properties(doc, role, [("ManagedPolicyArns", [arn])])]
        if not is_seq(arns) or intrinsic(arns):
            raise FixError(f"the ManagedPolicyArns of role {role.name} are not a list iacfix can extend")
        if not arns.value and not arns.flow_style:
            raise FixError(f"the ManagedPolicyArns of role {role.name} are an empty block list")
        return [doc.append_to_sequence(arns, [arn])]

    return fix
