"""lambda_tracing for AWS CDK v2 Python.

(a) Lambda functions trace actively with X-Ray:

- the L2 classes lambda-limits covers (``_lambda.Function``, ``SingletonFunction``,
  ``DockerImageFunction``, ``NodejsFunction``, the alpha ``PythonFunction`` /
  ``GoFunction``) get ``tracing=_lambda.Tracing.ACTIVE``. CDK's ``Function`` then
  grants its execution role ``xray:PutTraceSegments`` and
  ``xray:PutTelemetryRecords`` itself (aws-lambda/lib/function.ts), so these
  functions never give their role a gap.
- ``_lambda.CfnFunction`` gets
  ``tracing_config=_lambda.CfnFunction.TracingConfigProperty(mode="Active")``
  (merged into an existing ``TracingConfigProperty(...)``).

``Tracing.PASS_THROUGH`` / ``Tracing.DISABLED`` / ``mode="PassThrough"`` is an
unsafe finding whose fix makes it Active. A value the file cannot know (a
variable, a dict, ``**kwargs``) is left alone.

(b) An ``iam.Role`` of the file used as the ``role`` of a ``CfnFunction`` that
traces (or is being made to trace: no ``tracing_config`` yet) must be allowed to
write traces (detail "xray"). It is compliant when it has the AWS-managed
``AWSXRayDaemonWriteAccess`` or ``AWSXrayWriteOnlyAccess`` policy (in
``managed_policies=[...]`` or through ``<role>.add_managed_policy(...)``, by name
or ARN), or when a policy statement given to it (``inline_policies``,
``<role>.add_to_policy`` / ``add_to_principal_policy``, an ``iam.Policy`` /
``iam.ManagedPolicy`` with ``roles=[<role>]``) allows both actions (``xray:*``
and ``xray:Put*`` count). The fix appends
``iam.ManagedPolicy.from_aws_managed_policy_name("AWSXRayDaemonWriteAccess")`` to
the role's ``managed_policies`` (created when missing). A role whose managed
policies or attached statements the file cannot read is left alone.

Not covered: roles that are ``iam.CfnRole`` or imported (``Role.from_role_arn``),
and functions built with ``**kwargs``.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk import CFN_FUNCTION
from iacfix.codemods.lang import cdk
from iacfix.codemods.lambda_tracing.rules import GRANT_POLICY, TRACING, allows_xray
from iacfix.core import Gap
from iacfix.transforms.python import file_quote, kwarg, py_string

# (a): the CDK adapter spells the rule tracing=_lambda.Tracing.ACTIVE on the L2 functions.
_functions = cdk.detector((TRACING,), "lambda-tracing")

IAM = "aws_cdk.aws_iam"
ROLE = f"{IAM}.Role"
POLICY = GRANT_POLICY
UNKNOWN = object()


def detect(doc, ctx):
    if common.is_cdk_v1(doc):
        return
    yield from _functions(doc, ctx)
    roles = {s.target: s for s in doc.calls(ROLE) if s.target and not s.has_star_kwargs()}
    if not roles:
        return
    seen = set()
    for fn in doc.calls(CFN_FUNCTION):
        if fn.has_star_kwargs() or not _traced(doc, fn):
            continue
        arg = fn.kwarg("role")
        ref = re.sub(r"\.role_arn$", "", _norm(doc, arg.value)) if arg is not None else None
        role = roles.get(ref)
        if role is None or ref in seen:
            continue
        seen.add(ref)
        gap = _role_gap(doc, role, fn)
        if gap is not None:
            yield gap


def _norm(doc, node) -> str:
    return re.sub(r"\s+", "", doc.code(node))


def _traced(doc, fn) -> bool:
    """Does the CfnFunction trace, or will the safe fix make it trace?"""
    arg = fn.kwarg("tracing_config")
    if arg is None:
        return True
    v = arg.value
    if not (isinstance(v, cst.Call) and doc.code(v.func).endswith("TracingConfigProperty")):
        return False  # unknown
    mode = kwarg(v, "mode")
    return mode is None or common.string(mode.value) == "Active"


# ---------------------------------------------------------------------- roles
def _role_gap(doc, role, fn):
    state = _role_state(doc, role)
    if state is not False:
        return None  # allowed, or unknown
    name = common.name_of(role)
    return Gap(
        line=role.line,
        column=role.column,
        end_line=role.end_line,
        resource_type=role.qualname.replace("aws_cdk.", "", 1),
        resource_name=name,
        message=(
            f"IAM role '{name}' of traced Lambda function '{common.name_of(fn)}' "
            "is not allowed to write X-Ray traces"
        ),
        fix=lambda: _fix_role(doc, role),
        detail="xray",
    )


def _role_state(doc, role):
    """True: may write traces; False: may not; None: the file cannot tell."""
    target = role.target
    policies = []  # policy expressions attached to the role
    mp = role.kwarg("managed_policies")
    if mp is not None:
        if not isinstance(mp.value, cst.List):
            return None
        for el in mp.value.elements:
            if not isinstance(el, cst.Element):
                return None
            policies.append(el.value)
    statements = []  # expressions holding the statements given to the role
    ip = role.kwarg("inline_policies")
    if ip is not None:
        statements.append(ip.value)
    for method in ("add_managed_policy", "add_to_policy", "add_to_principal_policy", "attach_inline_policy"):
        for call in common.method_calls(doc, method):
            if _norm(doc, call.func.value) == target and call.args:
                (policies if method == "add_managed_policy" else statements).append(call.args[0].value)
    attached = {_norm(doc, n) for n in statements}  # attach_inline_policy(<policy variable>)
    for c in common.method_calls(doc, "attach_to_role"):
        if c.args and _norm(doc, c.args[0].value) == target:
            attached.add(_norm(doc, c.func.value))
    for site in doc.calls(f"{IAM}.Policy", f"{IAM}.ManagedPolicy"):
        roles = site.kwarg("roles")
        if (site.target and site.target in attached) or (
            roles is not None and any(_norm(doc, n) == target for n in common.walk(roles.value)
                                      if isinstance(n, (cst.Name, cst.Attribute)))
        ):
            if site.has_star_kwargs():
                return None
            statements += [a.value for a in site.call.args if a.keyword is not None
                           and a.keyword.value in ("statements", "document")]
            statements = [n for n in statements if _norm(doc, n) != site.target]
    names = [_managed_policy_name(doc, p) for p in policies]
    actions = [_statement_actions(doc, node) for node in statements]
    return allows_xray([None if n is UNKNOWN else n for n in names], [None if a is UNKNOWN else a for a in actions])


def _managed_policy_name(doc, node):
    """The AWS-managed policy a ``ManagedPolicy.from_*`` call names, "" for another
    readable policy, UNKNOWN when the file cannot tell."""
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
        return UNKNOWN
    method = node.func.attr.value
    qn = doc.qualified_names(node.func)
    if not any(q.startswith(f"{IAM}.ManagedPolicy.") for q in qn):
        return UNKNOWN
    if method == "from_aws_managed_policy_name" and node.args:
        s = common.text_of(node.args[0].value)
        return s.rsplit("/", 1)[-1] if s is not None else UNKNOWN
    if method in ("from_managed_policy_arn", "from_managed_policy_name"):
        args = [a for a in node.args if a.keyword is None]
        value = kwarg(node, "managed_policy_arn") or kwarg(node, "managed_policy_name")
        node_value = value.value if value is not None else (args[2].value if len(args) > 2 else None)
        s = common.text_of(node_value)
        if s is None:
            return UNKNOWN
        if method == "from_managed_policy_arn" and ":aws:policy/" not in s:
            return ""  # a customer-managed policy: readable only from its definition
        return s.rsplit("/", 1)[-1]
    return UNKNOWN


def _statement_actions(doc, node):
    """The (lower-case) actions the ``iam.PolicyStatement`` calls under ``node`` allow,
    UNKNOWN when one of them cannot be read."""
    out = set()
    found = False
    for n in common.walk(node):
        if not (isinstance(n, cst.Call) and f"{IAM}.PolicyStatement" in doc.qualified_names(n.func)):
            continue
        found = True
        if any(a.star for a in n.args):
            return UNKNOWN
        effect = kwarg(n, "effect")
        if effect is not None:
            names = doc.qualified_names(effect.value)
            if f"{IAM}.Effect.DENY" in names:
                continue
            if f"{IAM}.Effect.ALLOW" not in names:
                return UNKNOWN
        actions = kwarg(n, "actions")
        if actions is None:
            continue  # actions added later with add_actions: not read
        if not isinstance(actions.value, (cst.List, cst.Tuple)):
            return UNKNOWN
        for el in actions.value.elements:
            s = common.string(el.value) if isinstance(el, cst.Element) else None
            if s is None:
                return UNKNOWN
            out.add(s.lower())
    if not found and not isinstance(node, cst.List):
        return UNKNOWN  # a document or statement built elsewhere
    return out


def _fix_role(doc, role):
    ref, imports = doc.import_name(f"{IAM}.ManagedPolicy")
    policy = f"{ref}.from_aws_managed_policy_name({py_string(POLICY, file_quote(doc))})"
    mp = role.kwarg("managed_policies")
    if mp is not None:
        return imports + doc.add_list_element(mp.value, policy)
    return imports + cdk.add_kwargs(doc, role.call, [("managed_policies", f"[{policy}]")], cdk.order_of(ROLE))
