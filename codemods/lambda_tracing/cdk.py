"""lambda_tracing for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``; Go: ``awsiam.NewRole(stack, jsii.String("Id"), &awsiam.RoleProps{...})``,
``Role: role.RoleArn()``, ``role.AddToPolicy(...)``).

(a) Lambda functions trace actively with X-Ray (the rule ``rules.TRACING``, through the
language's adapter):

- the L2 classes lambda-limits covers (``_lambda.Function``, ``SingletonFunction``,
  ``DockerImageFunction``, ``NodejsFunction``, the alpha ``PythonFunction`` /
  ``GoFunction``) get ``tracing=_lambda.Tracing.ACTIVE`` / ``Tracing:
  awslambda.Tracing_ACTIVE``. CDK's ``Function`` then grants its execution role
  ``xray:PutTraceSegments`` and ``xray:PutTelemetryRecords`` itself
  (aws-lambda/lib/function.ts), so these functions never give their role a gap.
- ``_lambda.CfnFunction`` gets
  ``tracing_config=_lambda.CfnFunction.TracingConfigProperty(mode="Active")`` /
  ``TracingConfig: &awslambda.CfnFunction_TracingConfigProperty{Mode: jsii.String("Active")}``
  (merged into an existing ``TracingConfigProperty``).

``Tracing.PASS_THROUGH`` / ``Tracing.DISABLED`` / ``mode="PassThrough"`` is an
unsafe finding whose fix makes it Active. A value the file cannot know (a
variable, a dict, ``**kwargs``, props built elsewhere) is left alone.

(b) An ``iam.Role`` of the file used as the ``role`` (``role.role_arn``) of a
``CfnFunction`` that traces (or is being made to trace: no ``tracing_config`` yet)
must be allowed to write traces (detail "xray"). It is compliant when it has the
AWS-managed ``AWSXRayDaemonWriteAccess`` or ``AWSXrayWriteOnlyAccess`` policy (in
``managed_policies=[...]`` or through ``<role>.add_managed_policy(...)``, by name or
ARN), or when a policy statement given to it (``inline_policies``,
``<role>.add_to_policy`` / ``add_to_principal_policy`` / ``attach_inline_policy``, an
``iam.Policy`` / ``iam.ManagedPolicy`` with ``roles=[<role>]`` or attached with
``<policy>.attach_to_role(<role>)``) allows both actions (``xray:*`` and ``xray:Put*``
count). The fix appends
``iam.ManagedPolicy.from_aws_managed_policy_name("AWSXRayDaemonWriteAccess")`` to the
role's ``managed_policies`` (created when missing). A role whose managed policies or
attached statements the file cannot read is left alone.

Not covered: roles that are ``iam.CfnRole`` or imported (``Role.from_role_arn``),
and functions built with ``**kwargs``.
"""

from __future__ import annotations

from typing import Optional

from iacfix.codemods.common.cdk import CFN_FUNCTION
from iacfix.codemods.lambda_tracing.rules import GRANT_POLICY, TRACING, allows_xray
from iacfix.codemods.lang import adapter, cdk_file
from iacfix.codemods.lang.cdk import Call
from iacfix.codemods.lang.view import Props
from iacfix.codemods.spec import ABSENT

IAM = "aws_cdk.aws_iam"
ROLE = f"{IAM}.Role"
STATEMENT = f"{IAM}.PolicyStatement"
MANAGED = f"{IAM}.ManagedPolicy"
TRACING_CONFIG = f"{CFN_FUNCTION}.TracingConfigProperty"
# The methods that give a role a managed policy or statements, and the keyword of their argument.
GIVE = {"add_managed_policy": "policy", "add_to_policy": "statement", "add_to_principal_policy": "statement",
        "attach_inline_policy": "policy"}

_compiled: dict = {}


def detect(doc, ctx):
    if ctx.language not in _compiled:  # (a): the adapter spells the rule
        _compiled[ctx.language] = adapter(ctx.language).detector((TRACING,), "lambda-tracing")
    yield from _compiled[ctx.language](doc, ctx)
    f = cdk_file(doc, ctx)
    roles = {r.target: r for r in f.constructs(ROLE) if r.target and not r.opaque}
    if not roles:
        return
    seen = set()
    for fn in f.constructs(CFN_FUNCTION):
        if fn.opaque or not _traced(fn):
            continue
        ref = fn.ref("role", ("role_arn",))
        role = roles.get(ref)
        if role is None or ref in seen:
            continue
        seen.add(ref)
        if _role_state(f, role) is False:  # not True (allowed) or None (unknown)
            message = (f"IAM role '{role.name}' of traced Lambda function '{fn.name}' "
                       "is not allowed to write X-Ray traces")
            yield role.gap(message, role.fixer(lambda role=role: _fix_role(role)), detail="xray")


def _traced(fn) -> bool:
    """Does the CfnFunction trace, or will the safe fix make it trace?"""
    if not fn.has("tracing_config"):
        return True
    config = fn.struct("tracing_config", TRACING_CONFIG)
    if not isinstance(config, Props):
        return False  # unknown
    return config.value("mode") in (ABSENT, "Active")


# ---------------------------------------------------------------------- roles
def _role_state(f, role) -> Optional[bool]:
    """True: may write traces; False: may not; None: the file cannot tell."""
    target = role.target
    policies = []  # the managed policies attached to the role
    statements = []  # what holds the statements given to it
    if role.has("managed_policies"):
        items = role.arg("managed_policies").items()
        if items is None:
            return None
        policies += items
    if role.has("inline_policies"):
        statements.append(role.arg("inline_policies"))
    for m in f.method_sites(GIVE):
        given = m.arg(0, GIVE[m.method])
        if m.receiver.ref() == target and given is not None:
            (policies if m.method == "add_managed_policy" else statements).append(given)
    attached = {s.ref() for s in statements}  # attach_inline_policy(<policy variable>)
    for m in f.method_sites(("attach_to_role",)):
        given = m.arg(0, "role")
        if given is not None and given.ref() == target:
            attached.add(m.receiver.ref())
    for policy in f.constructs(f"{IAM}.Policy", MANAGED):
        if (policy.target and policy.target in attached) or (
                policy.has("roles") and target in policy.arg("roles").refs()):
            if policy.opaque:
                return None
            statements += [policy.arg(k) for k in ("statements", "document") if policy.has(k)]
            statements = [s for s in statements if s.ref() != policy.target]
    return allows_xray([_managed_policy_name(p) for p in policies], [_statement_actions(s) for s in statements])


def _managed_policy_name(arg) -> Optional[str]:
    """The AWS-managed policy a ``ManagedPolicy.from_*`` call names, "" for another
    readable policy, None when the file cannot tell."""
    made = arg.call(f"{MANAGED}.from_aws_managed_policy_name", f"{MANAGED}.from_managed_policy_arn",
                    f"{MANAGED}.from_managed_policy_name")
    if made is None:
        return None
    method = made[0].rpartition(".")[2]
    given = arg.call_arg(0, "managed_policy_name") if method == "from_aws_managed_policy_name" else \
        arg.call_arg(2, method[len("from_"):])
    s = given.value if given is not None else None
    if not isinstance(s, str):
        return None
    if method == "from_managed_policy_arn" and ":aws:policy/" not in s:
        return ""  # a customer-managed policy: readable only from its definition
    return s.rsplit("/", 1)[-1]


def _statement_actions(arg) -> Optional[set]:
    """The (lower-case) actions the policy statements made inside ``arg`` allow, None when
    one of them cannot be read."""
    found = arg.props_inside(STATEMENT)
    if not found and arg.items() is None:
        return None  # a document or statement built elsewhere
    out = set()
    for st in found:
        if st is None:
            return None
        if st.has("effect"):
            effect = st.member("effect", f"{IAM}.Effect")
            if effect == "DENY":
                continue
            if effect != "ALLOW":
                return None
        if not st.has("actions"):
            continue  # actions added later with add_actions: not read
        actions = st.strings("actions")
        if actions is None:
            return None
        out |= {a.lower() for a in actions}
    return out


def _fix_role(role):
    policy = Call(f"{MANAGED}.from_aws_managed_policy_name", GRANT_POLICY)
    return role.add_to_list("managed_policies", policy, f"{IAM}.IManagedPolicy")
