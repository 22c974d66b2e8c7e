"""lambda-tracing for Pulumi Python.

(a) Every ``lambda_.Function`` traces with X-Ray in Active mode. Missing
``tracing_config`` → ``tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active")``
is added (safe); an explicit other literal (``mode="PassThrough"``) → reported as
unsafe (replaced with ``--unsafe-fixes``); a mode from a variable or config → no
finding. A ``tracing_config`` dict (``{"mode": ...}``) is checked the same way.

(b) An ``iam.Role`` of this file that is the ``role=`` of a function that traces
(or is being made to: no ``tracing_config`` yet) must be allowed to write traces.
It is, when the AWS-managed ``AWSXRayDaemonWriteAccess`` (or
``AWSXrayWriteOnlyAccess``) policy is in its ``managed_policy_arns`` or attached
to it (``iam.RolePolicyAttachment``/``iam.PolicyAttachment``, as an ARN string or
an ``aws.iam.ManagedPolicy`` member), or when one of its policies (inline
``inline_policies``, ``iam.RolePolicy``, an attached ``iam.Policy`` of the file)
allows ``xray:PutTraceSegments`` and ``xray:PutTelemetryRecords`` (or
``xray:*``). A policy ARN the detector cannot read (a variable, a loop) → no
finding. The fix (safe, gap detail "xray") appends the managed policy to a
``managed_policy_arns`` list (an exclusive list: an attachment next to it would
be detached again), else adds, right after the role::

    processor_role_xray = aws.iam.RolePolicyAttachment(
        f"processor-role-xray-{environment_suffix}",
        role=processor_role.name,
        policy_arn="arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    )

(written ``aws.iam.ManagedPolicy.AWSX_RAY_DAEMON_WRITE_ACCESS`` when the file
names managed policies that way; a bare statement when the file's attachments
are bare statements).

The role may be defined in another file of the program (``from iam import role``):
its finding and fix are that file's. A function whose role is not a role of the program
(an ARN from config or another stack) is reported without a fix: tracing without the
grant fails the deploy.

Not covered: ``lambda_.CallbackFunction`` and roles whose ``managed_policy_arns`` is not
a list literal.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.lambda_tracing.rules import TRACING, XRAY_POLICIES
from iacfix.codemods.lang import pulumi as lang
from iacfix.codemods.common.aws import no_xray_grant
from iacfix.core import Gap, module_docs
from iacfix.transforms import python as py


_tracing = lang.detector((TRACING,), "lambda-tracing")

MANAGED = XRAY_POLICIES
POLICY_ARN = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
ENUM = "AWSX_RAY_DAEMON_WRITE_ACCESS"  # pulumi_aws.iam.ManagedPolicy member for POLICY_ARN


def detect(doc, ctx):
    functions = {pc.label(fn): fn for fn in pc.aws_calls(doc, "lambda_.Function")}
    for g in _tracing(doc, ctx):
        fn = functions.get(g.resource_name)
        if g.fix is not None and fn is not None and pc.role_in_program(doc, fn) is None:
            # Tracing without the grant fails the deploy: no half fix.
            g.withhold(no_xray_grant("program"))
        yield g
    yield from _roles(doc, ctx)


# ---------------------------------------------------------------- functions
def _traced(doc, fn, ctx, path=None) -> bool:
    """Whether the function traces, or is being made to (no tracing_config at all, and its
    finding not suppressed with ``iacfix: ignore``; ``path``: the function is in that other
    file of the program)."""
    if pc.has_splat(fn):
        return False
    cfg = pc.kw_value(fn, "tracing_config")
    if cfg is None:
        return not _ignored(fn, ctx, path)
    if isinstance(cfg, cst.Call):
        mode = pc.kw_value(cfg, "mode")
    elif isinstance(cfg, cst.Dict):
        el = pc.dict_get(cfg, "mode")
        mode = el.value if el is not None else None
    else:
        return False
    return pc.literal(mode) == "Active"


def _ignored(fn, ctx, path=None) -> bool:
    """The function's tracing finding is suppressed inline."""
    w = pc.where(fn)
    return ctx.suppressed(w["line"], *w["suppress_lines"], path=path)


# -------------------------------------------------------------------- roles
def _norm(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.upper())


def _names_managed(text: str) -> bool:
    n = _norm(text)
    return any(_norm(p) in n for p in MANAGED)


def _allows_xray(text: str) -> bool:
    t = text.lower()
    return "xray:*" in t or ("xray:puttracesegments" in t and "xray:puttelemetryrecords" in t)


def _expanded(doc, node) -> str:
    """The code of ``node`` plus the values assigned to the names it uses (one level): a policy
    document built in a variable or by ``iam.get_policy_document`` is read too."""
    parts = [doc.code(node)]
    for ref in pc.references(doc, node):
        for v in pc.assigned_values(doc, ref.split(".")[0]):
            parts.append(doc.code(v))
    return "\n".join(parts)


def _policy_arn_grants(doc, node):
    """True/False: whether a policy ARN expression names an X-Ray write policy; None: unknown."""
    if node is None:
        return None
    code = doc.code(node)
    if _names_managed(code):
        return True
    if isinstance(node, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)):
        return False
    if "ManagedPolicy." in code:
        return False
    if isinstance(node, cst.Attribute) and node.attr.value in ("arn", "id"):
        base = doc.code(node.value)
        for p in pc.aws_calls(doc, "iam.Policy"):
            if pc.var(p) == base:
                pol = pc.kw_value(p, "policy")
                return pol is not None and _allows_xray(_expanded(doc, pol))
    return None


def _xray_state(doc, role):
    """True: the role may write traces; False: it may not; None: cannot tell."""
    v = pc.var(role)
    arns = pc.kw_value(role, "managed_policy_arns")
    unknown = False
    if arns is not None:
        if not isinstance(arns, cst.List):
            return None
        for el in arns.elements:
            if isinstance(el, cst.StarredElement):
                unknown = True
                continue
            g = _policy_arn_grants(doc, el.value)
            if g:
                return True
            unknown |= g is None
    inline = pc.kw_value(role, "inline_policies")
    if inline is not None and _allows_xray(_expanded(doc, inline)):
        return True
    for rp in pc.aws_calls(doc, "iam.RolePolicy"):
        if v in pc.references(doc, pc.kw_value(rp, "role")):
            pol = pc.kw_value(rp, "policy")
            if pol is not None and _allows_xray(_expanded(doc, pol)):
                return True
    for cls, key in (("iam.RolePolicyAttachment", "role"), ("iam.PolicyAttachment", "roles")):
        for at in pc.aws_calls(doc, cls):
            if v in pc.references(doc, pc.kw_value(at, key)):
                g = _policy_arn_grants(doc, pc.kw_value(at, "policy_arn"))
                if g:
                    return True
                unknown |= g is None
    return None if unknown else False


def _roles(doc, ctx):
    """The roles of this file that functions of the program (this file or another) trace with."""
    users = {}
    for path, d in module_docs(doc):
        other = None if d is doc else path
        for fn in pc.aws_calls(d, "lambda_.Function"):
            found = pc.role_in_program(d, fn)
            if found is None or found[1] is not doc:
                continue  # no role of the program, or one defined in another file
            role = found[2]
            if _traced(d, fn, ctx, other):
                users.setdefault(id(role.call), (role, fn))
    for role, fn in users.values():
        if pc.has_splat(role) or _xray_state(doc, role) is not False:
            continue
        arns = pc.kw_value(role, "managed_policy_arns")
        fixable = arns is not None or pc.standalone(role)
        yield Gap(
            **pc.where(role),
            resource_type=pc.rtype(role),
            resource_name=pc.label(role),
            message=(f"IAM role '{pc.display(role)}' of traced Lambda function '{pc.display(fn)}' "
                     "may not write X-Ray traces"),
            fix=(lambda role=role: _fix_role(doc, role)) if fixable else None,
            detail="xray",
        )


def _uses_enum(doc) -> bool:
    return any("ManagedPolicy." in doc.code(v) for v in pc.kwarg_values(doc, "policy_arn")) or any(
        "ManagedPolicy." in doc.code(v) for v in pc.kwarg_values(doc, "managed_policy_arns"))


def _arn_code(doc, like=None):
    """(code, import edits) of the policy ARN, in the file's way of writing managed policies."""
    if _uses_enum(doc):
        ref, edits = pc.aws_name(doc, "iam.ManagedPolicy")
        return f"{ref}.{ENUM}", edits
    return py.str_code(doc, POLICY_ARN, like), []


def _fix_role(doc, role):
    arns = pc.kw_value(role, "managed_policy_arns")
    if arns is not None:
        like = next((e.value for e in arns.elements if isinstance(e.value, cst.SimpleString)), None)
        code, edits = _arn_code(doc, like)
        return py.dedupe(edits + doc.add_list_element(arns, code))
    v = pc.var(role)
    cls, edits = pc.aws_name(doc, "iam.RolePolicyAttachment")
    code, more = _arn_code(doc, pc.name_node(role))
    edits += more
    attr, bare = "name", False
    for at in pc.aws_calls(doc, "iam.RolePolicyAttachment"):  # as the file's attachments refer to roles
        ref = pc.kw_value(at, "role")
        if isinstance(ref, cst.Attribute) and ref.attr.value in ("name", "id"):
            attr = ref.attr.value
        bare = bare or pc.var(at) is None
    args = [
        (None, py.Code(pc.derive_name(doc, pc.name_node(role), "xray"))),
        ("role", py.Code(f"{v}.{attr}")),
        ("policy_arn", py.Code(code)),
    ]
    opts = pc.opts_for_new(doc, role)
    if opts is not None:
        args.append(("opts", opts))
    target = None if bare else pc.derive_var(doc, v, "xray", "xray_policy_attachment")
    stmt = pc.statement(role)
    new = pc.statement_code(doc, role, target, cls, args)
    return py.dedupe(edits + doc.insert_after_statement(stmt, new, blank_line=None))
