"""lambda_tracing for Terraform: functions trace with X-Ray, and their role may write traces.

(a) Every ``aws_lambda_function`` has ``tracing_config { mode = "Active" }``. Missing
    → the block is added (before a trailing ``dead_letter_config``, so that
    dead-letter-queue composes in any order), a ``tracing_config`` without ``mode``
    gets it; an explicit other literal (``"PassThrough"``) → unsafe finding, replaced
    with ``--unsafe-fixes``; a variable, a ``dynamic "tracing_config"`` → no finding.
    Tracing without the X-Ray grant fails the deploy, so the finding is not fixable
    (the message says what to do) when the function's role is not a role of the module
    (a variable, a data source, a module output, an ARN) or has ``count``/``for_each``.
(b) An ``aws_iam_role`` of the file that is the execution role (``role =
    aws_iam_role.<name>.arn``) of a function of the module (any file of its directory)
    that traces or is being made to trace (tracing missing or Active, its finding not
    suppressed) must allow
    ``xray:PutTraceSegments`` and ``xray:PutTelemetryRecords``. It is compliant when
    the AWS-managed policy ``AWSXRayDaemonWriteAccess`` or ``AWSXrayWriteOnlyAccess``
    is attached to it in any form (the role's ``managed_policy_arns``, an
    ``aws_iam_role_policy_attachment`` or ``aws_iam_policy_attachment`` of the module,
    an ARN literal or interpolated string naming the policy, or a ``data
    "aws_iam_policy"`` naming it), or when a policy of the module attached to it (its
    ``inline_policy`` blocks, an ``aws_iam_role_policy``, an ``aws_iam_policy``
    attached to it) allows both actions (``xray:*``, ``xray:Put*``, ``*`` included;
    ``jsonencode({...})``, ``data "aws_iam_policy_document"`` or plain JSON text).
    A policy document the detector cannot read (``templatefile(...)``, ``file(...)``, a
    heredoc with interpolation) does not count: the managed policy is attached anyway
    (additive and idempotent). A managed policy ARN given by a variable, or a
    ``managed_policy_arns`` that cannot be read (exclusive: an attachment beside it would
    be removed) → unknown: no finding.
    The fix adds ``resource "aws_iam_role_policy_attachment" "<role>_xray"`` right after
    the role (``role = aws_iam_role.<name>.name``) and makes every traced function of the
    role depend on it (``depends_on``, in the function's own file: a function created or
    updated before the grant fails to deploy), or appends the ARN to the role's
    ``managed_policy_arns`` when it has that (exclusive) list. The ARN is
    ``"arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"``, or
    ``"arn:${data.aws_partition.<x>.partition}:iam::aws:policy/..."`` when the file
    already writes partition-aware ARNs that way. One gap per role (detail ``xray``), in
    the file where the role is defined.
Not covered: permission boundaries and SCPs that could still deny the
actions, ``count``/``for_each`` roles (reported, not fixed).
"""

from __future__ import annotations

import fnmatch
import re

from lark import Tree

from iacfix.codemods.common.aws import no_xray_grant
from iacfix.codemods.common.terraform import (
    bare,
    counted,
    data_block,
    function_role_at,
    in_file,
    gap,
    label_for,
    module_resource,
    policy_statements,
    served_by,
)
from iacfix.codemods.lang.terraform import rule_detector
from iacfix.codemods.lambda_tracing.rules import TRACING, XRAY_ACTIONS, XRAY_POLICIES
from iacfix.core import FixError, module_docs
from iacfix.transforms.terraform import (
    TfDoc,
    add_list_item,
    insert_into_block,
    insert_after_block,
    literal,
    references,
    render_block,
    string_value,
    traversal,
    unwrap,
    walk,
)

POLICY = "iam::aws:policy/AWSXRayDaemonWriteAccess"

# (a), as the spec will say it once every language reads rules
functions = rule_detector(TRACING, "lambda-tracing")


COUNTED_ROLE = "its execution role has count/for_each, so iacfix cannot grant it X-Ray write access"


def detect(doc: TfDoc, ctx):
    for g in functions(doc, ctx):
        fn = doc.resource("aws_lambda_function", g.resource_name)
        if g.fix is not None and fn is not None:
            # Tracing without the grant fails the deploy: no half fix.
            found = function_role_at(doc, fn)
            why = no_xray_grant("module") if found is None else COUNTED_ROLE if counted(found[1]) else None
            if why is not None:
                g.withhold(why)
        yield g
    yield from _roles(doc, ctx)


# ------------------------------------------------------------------- (a) traced functions
def _traced(fn, suppressed: bool) -> bool:
    """Whether the function traces, or will once its safe fix is applied (``suppressed``:
    its finding is suppressed, so it will not)."""
    if any(d.labels and d.labels[0] == "tracing_config" for d in fn.blocks("dynamic")):
        return False
    config = fn.block("tracing_config")
    mode = config.attr("mode") if config is not None else None
    if mode is None or literal(mode.value) is None:
        return not suppressed
    return literal(mode.value) == "Active"


# ------------------------------------------------------------------- (b) roles
def _roles(doc: TfDoc, ctx):
    served = {}  # role label → (role, [(file, traced function using it)])
    for path, d in module_docs(doc):
        other = None if d is doc else path
        for fn in d.resources("aws_lambda_function"):
            found = function_role_at(d, fn)
            if found is None or found[0] is not doc:
                continue  # no role of the module, or one defined in another file
            if _traced(fn, ctx.suppressed(fn.line, path=other)):
                served.setdefault(found[1].labels[1], (found[1], []))[1].append((d, fn))
    for label, (role, fns) in sorted(served.items(), key=lambda kv: kv[1][0].line):
        if _allows_xray(doc, role) is not False:
            continue  # allowed, or unknown
        fn = fns[0][1]
        fname = string_value(fn.attr("function_name").value) if fn.attr("function_name") else None
        msg = f"IAM role '{label}' of traced function '{fname or fn.labels[1]}' may not write X-Ray traces"
        if counted(role):
            yield gap(role, msg + " (count/for_each: not fixed automatically)", detail="xray")
            continue
        yield gap(role, msg, fix=_fixer(doc, role, fns), detail="xray")


def _targets(node, label: str) -> bool:
    """``node`` refers to the role ``label`` (its name, id or arn)."""
    return ("aws_iam_role", label) in references(node)


def _names_xray(doc: TfDoc, node):
    """True when a policy ARN expression names an X-Ray write policy, False when it is a
    readable ARN of another policy, None when it cannot be read."""
    node = bare(node)
    t = traversal(node)
    if t and len(t) == 4 and t[0] == "data" and t[1] == "aws_iam_policy" and t[3] == "arn":
        found = _data(doc, t[1], t[2])
        if found is None:
            return None
        where, d = found
        for a in ("name", "arn"):
            if d.attr(a) is not None:
                return _names_xray(where, d.attr(a).value)
        return None
    if t and len(t) == 3 and t[0] == "aws_iam_policy" and t[2] == "arn":
        return False  # a customer-managed policy: its document is read separately
    if isinstance(node, Tree) and node.data == "string":
        text = doc.source(node)
        if any(p in text for p in XRAY_POLICIES):
            return True
        # the policy's name is written out: another policy; else a variable could name it
        return False if re.search(r"policy/[\w+=,.@/-]*[\w+=,.@-]\W*$", re.sub(r"\$\{[^}]*\}", "", text)) else None
    return None


def _data(doc: TfDoc, dtype: str, name: str):
    """(file, block) of ``data "<dtype>" "<name>"`` in the module."""
    for _, d in module_docs(doc):
        b = data_block(d, dtype, name)
        if b is not None:
            return d, b
    return None


def _allows_xray(doc: TfDoc, role):
    """True / False, or None when something attached to the role cannot be read."""
    label = role.labels[1]
    arns = []  # managed policy ARN expressions attached to the role
    documents = []  # policy value nodes attached to the role
    mpa = role.attr("managed_policy_arns")
    if mpa is not None:
        lst = unwrap(mpa.value)
        if not (isinstance(lst, Tree) and lst.data == "tuple"):
            return None
        arns += [c for c in lst.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]
    for b in role.blocks("inline_policy"):
        if b.attr("policy") is not None:
            documents.append(b.attr("policy").value)
    if any(d.labels and d.labels[0] == "inline_policy" for d in role.blocks("dynamic")):
        return None
    documents = [(doc, v) for v in documents]
    arns = [(doc, a) for a in arns]
    attached_policies = set()
    for _, d in module_docs(doc):
        for res in d.resources():
            rtype = res.labels[0]
            if rtype == "aws_iam_role_policy_attachment" and res.attr("role") and _targets(res.attr("role").value, label):
                if res.attr("policy_arn") is not None:
                    arns.append((d, res.attr("policy_arn").value))
            elif rtype == "aws_iam_policy_attachment" and res.attr("roles") and _targets(res.attr("roles").value, label):
                if res.attr("policy_arn") is not None:
                    arns.append((d, res.attr("policy_arn").value))
            elif rtype == "aws_iam_role_policy" and res.attr("role") and _targets(res.attr("role").value, label):
                if res.attr("policy") is not None:
                    documents.append((d, res.attr("policy").value))
    unknown = False
    for where, arn in arns:
        named = _names_xray(where, arn)
        if named:
            return True
        if named is None:
            unknown = True
        t = traversal(bare(arn))
        if t and len(t) == 3 and t[0] == "aws_iam_policy":
            attached_policies.add(t[1])
    for name in attached_policies:
        found = module_resource(doc, "aws_iam_policy", name)
        if found is None or found[1].attr("policy") is None:
            unknown = True
        else:
            documents.append((found[0], found[1].attr("policy").value))
    for where, value in documents:
        statements = policy_statements(where, value)
        if statements is None:
            continue  # a template, a file, a variable: the managed policy is added anyway
        granted = set()
        for st in statements:
            if st.effect != "Allow" or st.not_action or not st.actions:
                continue
            for a in st.actions:
                for want in XRAY_ACTIONS:
                    if fnmatch.fnmatchcase(want.lower(), a.lower()):
                        granted.add(want)
        if granted == set(XRAY_ACTIONS):
            return True
    return None if unknown else False


def _partition(doc: TfDoc):
    """``data.aws_partition.<x>.partition`` when the module writes ARNs with it."""
    for _, d in module_docs(doc):
        for n in walk(d.tree):
            if n.data == "string":
                m = re.match(r'"arn:\$\{\s*(data\.aws_partition\.[A-Za-z0-9_-]+\.partition)\s*\}:', d.source(n))
                if m:
                    return m.group(1)
    return None


def _fixer(doc: TfDoc, role, fns):
    def fix():
        part = _partition(doc)
        arn = f'"arn:${{{part}}}:{POLICY}"' if part else f'"arn:aws:{POLICY}"'
        mpa = role.attr("managed_policy_arns")
        if mpa is not None:
            return add_list_item(doc, mpa.value, arn)
        label = label_for(doc, "aws_iam_role_policy_attachment", role.labels[1], "xray")
        text = render_block("resource", ["aws_iam_role_policy_attachment", label], served_by(doc, role, "aws_iam_role_policy_attachment", [
            ("role", f"aws_iam_role.{role.labels[1]}.name"),
            ("policy_arn", arn),
        ]), doc.unit)
        if role.lbrace is None:
            raise FixError(f"cannot place a policy attachment after role {role.labels[1]}")
        # the functions wait for the grant: created or updated before it, tracing fails
        dep = f"aws_iam_role_policy_attachment.{label}"
        edits = [insert_after_block(doc, role, text)]
        for d, fn in fns:
            existing = fn.attr("depends_on")
            if existing is not None:
                more = add_list_item(d, existing.value, dep, ordered=True)
            else:
                more = insert_into_block(d, fn, [("depends_on", f"[{dep}]")], kind="tail")
            edits += [in_file(doc, d, e) for e in more]
        return edits

    return fix
