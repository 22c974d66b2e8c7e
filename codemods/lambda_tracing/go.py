"""lambda_tracing for AWS CDK v2 Go, as for CDK Python (``cdk.py``):

(a) The rule (``rules.TRACING``) through the Go adapter: the L2 functions
(``awslambda.NewFunction``, ``NewSingletonFunction``, ``NewDockerImageFunction``,
``awslambdanodejs.NewNodejsFunction``, the alpha ``PythonFunction`` / ``GoFunction``) get
``Tracing: awslambda.Tracing_ACTIVE`` (CDK's ``Function`` then grants its role the X-Ray
actions itself); ``awslambda.NewCfnFunction`` gets ``TracingConfig:
&awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")}``.
``Tracing_PASS_THROUGH`` / ``Tracing_DISABLED`` / ``Mode: "PassThrough"`` is an unsafe
finding.

(b) An ``awsiam.NewRole(...)`` of the file given as the ``Role`` (``<role>.RoleArn()``) of a
``CfnFunction`` that traces, or is being made to, must be allowed to write traces (detail
"xray"). It is when it has the AWS-managed ``AWSXRayDaemonWriteAccess`` or
``AWSXrayWriteOnlyAccess`` policy (in ``ManagedPolicies: &[]awsiam.IManagedPolicy{...}`` or
through ``<role>.AddManagedPolicy(...)``, by name or ARN) or a statement given with
``<role>.AddToPolicy`` / ``AddToPrincipalPolicy`` allows both actions. The fix appends
``awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AWSXRayDaemonWriteAccess"))``
to ``ManagedPolicies`` (added when missing). A role the file gives statements in a way
this detector does not read (``InlinePolicies``, ``AttachInlinePolicy``, an
``awsiam.NewPolicy`` naming it, props built elsewhere) is left alone.
"""

from __future__ import annotations

from typing import Optional

from iacfix.codemods.common import go as common
from iacfix.codemods.common.go import IAM, LAMBDA
from iacfix.codemods.lambda_tracing.rules import GRANT_POLICY, TRACING, allows_xray
from iacfix.codemods.lang import go
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.go.interpret import _anchor, go_order
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import Gap
from iacfix.transforms.go import JSII, GoList, go_string

_functions = go.detector((TRACING,), "lambda-tracing")

POLICY = GRANT_POLICY
ROLE_ORDER = go_order(order_of("aws_cdk.aws_iam.Role"))
UNKNOWN = object()


def detect(doc, ctx):
    yield from _functions(doc, ctx)
    roles = {s.target: s for s in doc.calls() if (s.path, s.func) == (IAM, "NewRole") and s.target
             and len(s.args) == 3}
    if not roles:
        return
    seen = set()
    for fn in doc.calls():
        if (fn.path, fn.func) != (LAMBDA, "NewCfnFunction") or len(fn.args) != 3:
            continue
        props = doc.literal(fn.args[2])
        if props is None or not props.plain or not _traced(doc, props):
            continue
        arg = props.field("Role")
        ref = _role_ref(doc, arg.value) if arg is not None else None
        role = roles.get(ref)
        if role is None or ref in seen:
            continue
        seen.add(ref)
        gap = _role_gap(doc, role, fn)
        if gap is not None:
            yield gap


def _role_ref(doc, node) -> Optional[str]:
    """``role`` in ``role.RoleArn()``."""
    if node.type != "call_expression" or node.child_by_field_name("arguments").named_children:
        return None
    fn = node.child_by_field_name("function")
    if fn.type != "selector_expression" or doc.source(fn.child_by_field_name("field")) != "RoleArn":
        return None
    operand = fn.child_by_field_name("operand")
    return doc.source(operand) if operand.type == "identifier" else None


def _traced(doc, props) -> bool:
    """Does the CfnFunction trace, or will the safe fix make it trace?"""
    f = props.field("TracingConfig")
    if f is None:
        return True
    lit = doc.literal(f.value)
    if lit is None or (lit.type_path, lit.type_name) != (LAMBDA, "CfnFunction_TracingConfigProperty"):
        return False  # unknown
    mode = lit.field("Mode")
    return mode is None or literal(doc, mode.value) == "Active"


# ---------------------------------------------------------------------- roles
def _role_gap(doc, role, fn) -> Optional[Gap]:
    props = doc.literal(role.args[2])
    if props is None or not props.plain or _role_state(doc, role, props) is not False:
        return None  # allowed, or unknown
    name = common.name_of(role)
    return Gap(
        line=role.line,
        column=role.column,
        end_line=role.end_line,
        resource_type=f"{doc.name_for(IAM)}.Role",
        resource_name=name,
        message=(
            f"IAM role '{name}' of traced Lambda function '{common.name_of(fn)}' "
            "is not allowed to write X-Ray traces"
        ),
        fix=lambda: _fix_role(doc, props),
        detail="xray",
    )


def _role_state(doc, role, props):
    """True: may write traces; False: may not; None: the file cannot tell."""
    if props.field("InlinePolicies") is not None:
        return None
    policies = []
    mp = props.field("ManagedPolicies")
    if mp is not None:
        items = _slice_items(doc, mp.value)
        if items is None:
            return None
        policies += items
    statements = []
    for m in common.method_calls(doc, "AddManagedPolicy", "AddToPolicy", "AddToPrincipalPolicy",
                                 "AttachInlinePolicy"):
        if m.receiver != role.target:
            continue
        if m.method == "AttachInlinePolicy" or len(m.args) != 1:
            return None
        (policies if m.method == "AddManagedPolicy" else statements).append(m.args[0])
    for site in doc.calls():  # a Policy / ManagedPolicy naming the role: not read
        if site.path == IAM and site.func in ("NewPolicy", "NewManagedPolicy") and role.target in {
                doc.source(n) for n in _identifiers(site.call)}:
            return None
    names = [_managed_policy_name(doc, p) for p in policies]
    actions = [_statement_actions(doc, node) for node in statements]
    return allows_xray([None if n is UNKNOWN else n for n in names], [None if a is UNKNOWN else a for a in actions])


def _identifiers(node):
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "identifier":
            yield n
        stack.extend(n.children)


def _slice_body(doc, node):
    """The ``{...}`` of ``&[]T{...}`` / ``[]T{...}``, else None."""
    if node.type == "unary_expression" and doc.source(node.child_by_field_name("operator")) == "&":
        node = node.child_by_field_name("operand")
    if node is None or node.type != "composite_literal":
        return None
    typ = node.child_by_field_name("type")
    if typ is None or typ.type != "slice_type":
        return None
    return node.child_by_field_name("body")


def _slice_items(doc, node):
    body = _slice_body(doc, node)
    if body is None:
        return None
    items = []
    for el in body.named_children:
        if el.type == "comment":
            continue
        if el.type != "literal_element" or not el.named_children:
            return None
        items.append(el.named_children[0])
    return items


def _managed_policy_name(doc, node):
    """The AWS-managed policy ``awsiam.ManagedPolicy_From...(...)`` names, "" for another
    readable policy, UNKNOWN when the file cannot tell."""
    if node.type != "call_expression":
        return UNKNOWN
    sel = doc.selector(node.child_by_field_name("function"))
    args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
    if sel is None or sel[0] != IAM:
        return UNKNOWN
    if sel[1] == "ManagedPolicy_FromAwsManagedPolicyName" and len(args) == 1:
        s = literal(doc, args[0])
        return s.rsplit("/", 1)[-1] if isinstance(s, str) else UNKNOWN
    if sel[1] in ("ManagedPolicy_FromManagedPolicyArn", "ManagedPolicy_FromManagedPolicyName") and len(args) == 3:
        s = literal(doc, args[2])
        if not isinstance(s, str):
            return UNKNOWN
        if sel[1] == "ManagedPolicy_FromManagedPolicyArn" and ":aws:policy/" not in s:
            return ""  # a customer-managed policy: readable only from its definition
        return s.rsplit("/", 1)[-1]
    return UNKNOWN


def _statement_actions(doc, node):
    """The (lower-case) actions ``awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{...})``
    allows, UNKNOWN when it cannot be read."""
    if node.type != "call_expression" or doc.selector(node.child_by_field_name("function")) != (
            IAM, "NewPolicyStatement"):
        return UNKNOWN
    args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
    props = doc.literal(args[0]) if len(args) == 1 else None
    if props is None or not props.plain:
        return UNKNOWN
    effect = props.field("Effect")
    if effect is not None:
        sel = doc.selector(effect.value)
        if sel == (IAM, "Effect_DENY"):
            return set()
        if sel != (IAM, "Effect_ALLOW"):
            return UNKNOWN
    actions = props.field("Actions")
    if actions is None:
        return set()  # actions added later with AddActions: not read
    v = literal(doc, actions.value)
    if not isinstance(v, list):
        return UNKNOWN
    return {a.lower() for a in v}


def _fix_role(doc, props):
    r = Renderer(doc)
    policy = f"{r.pkg(IAM)}.ManagedPolicy_FromAwsManagedPolicyName({r.pkg(JSII)}.String({go_string(POLICY)}))"
    mp = props.field("ManagedPolicies")
    if mp is not None:
        edits = doc.append_element(_slice_body(doc, mp.value), policy)
    else:
        value = GoList(f"{r.pkg(IAM)}.IManagedPolicy", (policy,))
        edits = doc.insert_fields(props, [(_anchor(props, "ManagedPolicies", ROLE_ORDER), "ManagedPolicies", value)])
    return r.import_edits() + edits
