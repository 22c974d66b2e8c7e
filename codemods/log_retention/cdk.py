"""log_retention for AWS CDK v2 Python.

- ``logs.CfnLogGroup`` gets ``retention_in_days=30`` (param ``retention_days``).
- Lambda functions (the L2 classes lambda-limits covers) without ``log_group``
  get ``log_retention=logs.RetentionDays.ONE_MONTH`` (the member for
  ``retention_days``): without it the function's log group is created by Lambda
  on first use and keeps logs forever.
- ``logs.LogGroup`` without ``retention`` is compliant: its CDK default is
  ``RetentionDays.TWO_YEARS``.

``RetentionDays.INFINITE`` (``retention`` / ``log_retention``) is an unsafe
finding; the fix sets the configured retention. A value the file cannot know is
left alone. A ``retention_days`` that is not one CloudWatch accepts is reported
and not fixed.

Not covered: ``log_retention`` is deprecated in current aws-cdk-lib in favour of
``log_group=logs.LogGroup(...)``; moving to that renames the log group, so the fix
keeps to ``log_retention``. Log groups created implicitly by other services.
"""

from iacfix.codemods.common.cdk_properties import Explicit, Invalid, Member, Param, Prop, required_properties
from iacfix.codemods.common.cdk import FUNCTIONS, RETENTION_DAYS

LOGS = "aws_cdk.aws_logs"
INFINITE = Member(f"{LOGS}.RetentionDays.INFINITE")
FOREVER = "keeps logs forever"


def retention_days(days):
    name = RETENTION_DAYS.get(int(days))
    if name is None:
        return Invalid(f"CloudWatch Logs has no {days}-day retention period")
    return Member(f"{LOGS}.RetentionDays.{name}")


RETENTION = Explicit(Param("retention_days", retention_days), reject=(INFINITE,))
FUNCTION = [Prop("log_retention", RETENTION, "log retention", wrong=FOREVER, unless=("log_group",))]


def _log_group(doc, site, params):
    return [Prop("retention", RETENTION, "retention", wrong=FOREVER)] if site.kwarg("retention") is not None else []


detect = required_properties(
    {
        f"{LOGS}.LogGroup": _log_group,
        f"{LOGS}.CfnLogGroup": [Prop("retention_in_days", Explicit(Param("retention_days", int)), "retention")],
        **{f: FUNCTION for f in FUNCTIONS},
    },
    kind={f"{LOGS}.LogGroup": "Log group", f"{LOGS}.CfnLogGroup": "Log group", **{f: "Lambda function" for f in FUNCTIONS}},
)
