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

from codemods.common.cdk_properties import Explicit, Invalid, Member, Param, Prop, required_properties
from codemods.lambda_limits.cdk import FUNCTIONS

LOGS = "aws_cdk.aws_logs"
INFINITE = Member(f"{LOGS}.RetentionDays.INFINITE")
MEMBERS = {
    1: "ONE_DAY", 3: "THREE_DAYS", 5: "FIVE_DAYS", 7: "ONE_WEEK", 14: "TWO_WEEKS", 30: "ONE_MONTH",
    60: "TWO_MONTHS", 90: "THREE_MONTHS", 120: "FOUR_MONTHS", 150: "FIVE_MONTHS", 180: "SIX_MONTHS",
    365: "ONE_YEAR", 400: "THIRTEEN_MONTHS", 545: "EIGHTEEN_MONTHS", 731: "TWO_YEARS",
    1096: "THREE_YEARS", 1827: "FIVE_YEARS", 2192: "SIX_YEARS", 2557: "SEVEN_YEARS",
    2922: "EIGHT_YEARS", 3288: "NINE_YEARS", 3653: "TEN_YEARS",
}
FOREVER = "keeps logs forever"


def retention_days(days):
    name = MEMBERS.get(int(days))
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
