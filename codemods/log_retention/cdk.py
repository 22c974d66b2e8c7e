"""log_retention for AWS CDK v2 Python: a Lambda function's own log group.

A function without ``log_group=`` or ``log_retention=`` logs to ``/aws/lambda/<name>``,
which Lambda creates on its first invocation and which keeps its logs forever. It gets a
``logs.LogGroup`` of its own with the codemod's retention, defined in a statement just
before it (named after the function: ``score_fn_log_group``, construct id
``ScoreFunctionLogGroup``) and passed as ``log_group=``; when the function is built inside
an expression (a comprehension, a call argument) the group is written inline
(``log_group=logs.LogGroup(self, "...", retention=...)``). The new group has a name of
CDK's choosing, so it never collides with a ``/aws/lambda/<name>`` group that already
exists: the fix is safe on a deployed stack (later logs go to the new group).

``log_group`` came to lambda.Function in aws-cdk-lib 2.110.0; an app whose packaging files
pin an older release (``cdk_has_function_log_group``) gets the deprecated
``log_retention=logs.RetentionDays.ONE_MONTH`` instead (a Custom::LogRetention function
sets the retention).

An explicit ``log_retention`` is kept; one that never expires (``INFINITE``) is reported,
its change unsafe. A function whose ``/aws/lambda/<function_name>`` group the app
declares (``logs.LogGroup``/``logs.CfnLogGroup`` with that ``log_group_name``, the same
literal, f-string or variable) is compliant.
"""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX, cdk_has_function_log_group
from iacfix.codemods.common.cdk import FUNCTIONS, RETENTION_DAYS
from iacfix.codemods.lang.cdk import (
    Member, Renderer, add_kwargs, add_sorted_import, detector, import_from, imports_modules, order_of,
)
from iacfix.codemods.log_retention import FUNCTION_RULE
from iacfix.codemods.spec import Absent, Explicit, Param, Rule
from iacfix.core import FixError
from iacfix.transforms.python import name_key

LOG_GROUP = "aws_cdk.aws_logs.LogGroup"
CFN_LOG_GROUP = "aws_cdk.aws_logs.CfnLogGroup"
RETENTION = "aws_cdk.aws_logs.RetentionDays"

# The retention of the function's logs through the deprecated log_retention: an explicit
# value is checked as it stands (INFINITE is reported), and it is what an app pinned
# before log_group gets.
_LOG_RETENTION = detector((
    Rule(
        ("lambda.Function",),
        {"log_retention": Explicit(Param("retention_days"), reject=(0,), label="log retention",
                                   off="keeps its logs forever")},
        what="Lambda function",
        when=Absent("log_group"),
    ),
), "log-retention")


def detect(doc, ctx):
    gaps = list(_LOG_RETENTION(doc, ctx))
    if not gaps:
        return
    sites = {(s.line, s.column): s for s in doc.calls(*FUNCTIONS)}
    new_api = None
    declared = None
    for gap in gaps:
        site = sites.get((gap.line, gap.column))
        if site is None or site.kwarg("log_retention") is not None:
            yield gap  # an explicit retention, checked as it stands
            continue
        if declared is None:
            declared = _declared_groups(doc, ctx)
        if _names(doc, site) & declared:
            continue  # the app declares /aws/lambda/<function_name> itself
        if new_api is None:
            new_api = cdk_has_function_log_group(ctx.package_files())
        if new_api:
            gap.message = f"Lambda function '{gap.resource_name}' {FUNCTION_RULE}"
            gap.fix = lambda site=site: _fix(doc, site, ctx)
        else:
            gap.message += " (aws-cdk-lib is pinned below 2.110.0, which added log_group: the fix sets log_retention)"
        yield gap


# ------------------------------------------------------------------ declared groups
def _names(doc, site) -> set:
    """The names the function's log group can be declared with: ``/aws/lambda/`` and its
    ``function_name``, or ``/aws/lambda/{fn.function_name}`` through its variable."""
    out = set()
    arg = site.kwarg("function_name")
    key = name_key(doc, arg.value) if arg is not None else None
    if key is not None:
        out.add(LAMBDA_LOG_GROUP_PREFIX + key)
    if site.target:
        out.add(LAMBDA_LOG_GROUP_PREFIX + "{" + site.target + ".function_name}")
    return out


def _declared_groups(doc, ctx) -> set:
    out = set()
    for _, other in ctx.module(doc):
        calls = getattr(other, "calls", None)
        if calls is None:
            continue
        for g in calls(LOG_GROUP, CFN_LOG_GROUP):
            arg = g.kwarg("log_group_name")
            key = name_key(other, arg.value) if arg is not None else None
            if key is not None:
                out.add(key)
    return out


# ------------------------------------------------------------------ the fix
def _fix(doc, site, ctx):
    days = int(ctx["retention_days"])
    if days not in RETENTION_DAYS:
        raise FixError(f"logs.RetentionDays has no member for {days} days")
    id_node = site.positional(1)
    new_id = common.add_word_to_literal(doc, id_node, "LogGroup") if id_node is not None else None
    if new_id is not None:  # in the id's own style: "orders-log-group", "orders_log_group"
        new_id = new_id.replace("-LogGroup", "-log-group").replace("_LogGroup", "_log_group")
    if new_id is None:
        raise FixError("the function's construct id is not a string literal")
    r = Renderer(doc, None)
    if (doc.name_ref(LOG_GROUP) is None and doc.name_ref(RETENTION) is None and not imports_modules(doc)
            and import_from(doc, "aws_cdk.aws_logs") is None):
        # both names from one new import line
        imports = add_sorted_import(doc, "aws_cdk.aws_logs", "LogGroup, RetentionDays")
        cls, retention = "LogGroup", f"RetentionDays.{RETENTION_DAYS[days]}"
    else:
        cls = r.ref(LOG_GROUP)
        retention = r.value(Member(f"{RETENTION}.{RETENTION_DAYS[days]}"))
        imports = r.import_edits()
    scope = site.positional(0)
    args = [doc.source(scope) if scope is not None else "self", new_id, f"retention={retention}"]
    var = _variable(doc, site, id_node)
    order = order_of(site.qualname)
    if var is None:  # no statement of its own to go before: the group is written inline
        group = doc.render_call("", cls, args)
        return imports + add_kwargs(doc, site.call, [("log_group", group)], order)
    anchor = _first_companion(doc, site)
    indent = doc.statement_indent(anchor)
    code = doc.render_call(f"{var} = ", cls, args, like=site.call, indent=indent)
    return (imports + doc.insert_before_statement(anchor, code, blank_line=None)
            + add_kwargs(doc, site.call, [("log_group", var)], order))


# What other codemods put right before a function (its dead-letter queue).
COMPANIONS = {"aws_cdk.aws_sqs.Queue", "aws_cdk.aws_sns.Topic"}


def _first_companion(doc, site):
    """Where the group goes: before the function's statement, and before the statements
    right above it that define what it is given (``dlq = sqs.Queue(...)`` for
    ``dead_letter_queue=dlq``), so that the file is the same whichever codemod wrote
    its companion first."""
    stmt = site.statement
    block = doc.parent(stmt)
    body = list(getattr(block, "body", ()))
    if stmt not in body:
        return stmt
    used = {doc.code(a.value).strip() for a in site.call.args if a.keyword is not None}
    i = body.index(stmt)
    while i > 0:
        prev = body[i - 1]
        small = prev.body[0] if isinstance(prev, cst.SimpleStatementLine) and len(prev.body) == 1 else None
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1
                and doc.code(small.targets[0].target).strip() in used
                and isinstance(small.value, cst.Call) and doc.qualified_names(small.value.func) & COMPANIONS):
            break
        i -= 1
    return body[i]


def _variable(doc, site, id_node) -> Optional[str]:
    """The new group's variable, named after the function's (``score_fn`` →
    ``score_fn_log_group``; ``self.fn`` → ``fn_log_group``) or its construct id; None when
    the function has no statement of its own or the name is taken."""
    if not common.own_statement(doc, site):
        return None
    if site.target:
        leaf = site.target.rpartition(".")[2]
        var = leaf + "LogGroup" if re.search(r"[a-z][A-Z]", leaf) else leaf + "_log_group"
    else:
        text = common.text_of(id_node)
        if not text or not re.fullmatch(r"[A-Za-z0-9_\- ]+", text):
            return None
        var = common.snake(text) + "_log_group"
    if not var.isidentifier() or var in common.names_in_use(doc):
        return None
    return var
