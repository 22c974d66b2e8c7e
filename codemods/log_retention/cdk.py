"""log_retention for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): a Lambda function's own log group.

A function without ``log_group=`` or ``log_retention=`` logs to ``/aws/lambda/<name>``,
which Lambda creates on its first invocation and which keeps its logs forever. It gets a
``logs.LogGroup`` of its own with the codemod's retention, defined in a statement just
before it (named after the function: ``score_fn_log_group``, construct id
``ScoreFunctionLogGroup``) and passed as ``log_group=``; when the function is built inside
an expression (a comprehension, a call argument) the group is written inline
(``log_group=logs.LogGroup(self, "...", retention=...)``). The new group has a name of
CDK's choosing, so it never collides with a ``/aws/lambda/<name>`` group that already
exists: the fix is safe on a deployed stack (later logs go to the new group).

In Go the group is ``scoreFnLogGroup := awslogs.NewLogGroup(stack,
jsii.String("ScoreFunctionLogGroup"), &awslogs.LogGroupProps{...})`` (named after the
function's variable, else its construct id), passed as ``LogGroup:``; a function built
where no statement can precede it is reported without a fix.

``log_group`` came to lambda.Function in aws-cdk-lib 2.110.0; an app whose packaging files
pin an older release (``cdk_has_function_log_group``; Go: a ``go.mod`` requiring an older
aws-cdk-go) gets the deprecated ``log_retention=logs.RetentionDays.ONE_MONTH`` instead (a
Custom::LogRetention function sets the retention); that fix is unsafe: the function's
group, if it has run, holds events older than the period, which the retention deletes.

An explicit ``log_retention`` is kept; one that never expires (``INFINITE``) is reported,
its change unsafe. A function whose ``/aws/lambda/<function_name>`` group the app
declares (``logs.LogGroup``/``logs.CfnLogGroup`` with that ``log_group_name``, the same
literal, f-string or variable) is compliant.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX, cdk_go_has_function_log_group, cdk_has_function_log_group
from iacfix.codemods.common.cdk import FUNCTIONS, RETENTION_DAYS
from iacfix.codemods.lang import adapter, cdk_file
from iacfix.codemods.lang.cdk import Member
from iacfix.codemods.lang.view import New
from iacfix.codemods.log_retention import DELETES_OLDER, FUNCTION_RULE
from iacfix.codemods.spec import Absent, Explicit, Param, Rule
from iacfix.core import FixError

LOG_GROUP = "aws_cdk.aws_logs.LogGroup"
CFN_LOG_GROUP = "aws_cdk.aws_logs.CfnLogGroup"
RETENTION = "aws_cdk.aws_logs.RetentionDays"
# What other codemods put right before a function (its dead-letter queue).
COMPANIONS = ("aws_cdk.aws_sqs.Queue", "aws_cdk.aws_sns.Topic")

# The retention of the function's logs through the deprecated log_retention: an explicit
# value is checked as it stands (INFINITE is reported), and it is what an app pinned
# before log_group gets.
LOG_RETENTION = (
    Rule(
        ("lambda.Function",),
        {"log_retention": Explicit(Param("retention_days"), reject=(0,), label="log retention",
                                   off="keeps its logs forever")},
        what="Lambda function",
        when=Absent("log_group"),
    ),
)
_compiled: dict = {}

# Language → whether the CDK its package requires has log_group, and what a finding says
# when it does not.
PINNED = {
    "cdk": (cdk_has_function_log_group,
            " (aws-cdk-lib is pinned below 2.110.0, which added log_group: the fix sets log_retention)"),
    "go": (cdk_go_has_function_log_group,
           " (aws-cdk-go is required below 2.110.0, which added LogGroup: the fix sets LogRetention)"),
}


def detect(doc, ctx):
    if ctx.language not in _compiled:
        _compiled[ctx.language] = adapter(ctx.language).detector(LOG_RETENTION, "log-retention")
    rules = _compiled[ctx.language]
    gaps = list(rules(doc, ctx)) if rules is not None else []
    if not gaps:
        return
    functions = {(c.line, c.column): c for c in cdk_file(doc, ctx).constructs(*FUNCTIONS)}
    new_api = None
    declared = None
    for gap in gaps:
        fn = functions.get((gap.line, gap.column))
        if fn is None or fn.opaque or fn.has("log_retention"):
            yield gap  # an explicit retention, checked as it stands
            continue
        if declared is None:
            declared = _declared_groups(doc, ctx)
        if _names(fn) & declared:
            continue  # the app declares /aws/lambda/<function_name> itself
        has_log_group, pinned = PINNED[ctx.language]
        if new_api is None:
            new_api = has_log_group(ctx.package_files())
        if new_api:
            gap.message = f"Lambda function '{gap.resource_name}' {FUNCTION_RULE}"
            gap.fix = fn.fixer(lambda fn=fn: _fix(fn, ctx)) if fn.can_add_companion else None
        else:
            # log_retention sets the period on /aws/lambda/<name>, which holds the events of
            # every run so far: the older ones are deleted
            gap.message += pinned + f" ({DELETES_OLDER})"
            gap.unsafe = True
        yield gap


def _names(fn) -> set:
    """The names the function's log group can be declared with: ``/aws/lambda/`` and its
    ``function_name``, or ``/aws/lambda/{fn.function_name}`` through its variable."""
    out = set()
    key = fn.name_key("function_name")
    if key is not None:
        out.add(LAMBDA_LOG_GROUP_PREFIX + key)
    if fn.target:
        out.add(LAMBDA_LOG_GROUP_PREFIX + "{" + fn.attr("function_name") + "}")
    return out


def _declared_groups(doc, ctx) -> set:
    out = set()
    for _, other in ctx.module(doc):
        if type(other) is not type(doc):
            continue
        for group in cdk_file(other, ctx).constructs(LOG_GROUP, CFN_LOG_GROUP):
            key = group.name_key("log_group_name")
            if key is not None:
                out.add(key)
    return out


def _fix(fn, ctx):
    days = int(ctx["retention_days"])
    if days not in RETENTION_DAYS:
        raise FixError(f"logs.RetentionDays has no member for {days} days")
    group = New(LOG_GROUP, (("retention", Member(f"{RETENTION}.{RETENTION_DAYS[days]}")),))
    return fn.add_companion("log_group", group, "LogGroup", COMPANIONS)
