"""Facts about AWS itself, the same in every language: stated once, read by every adapter
and detector that needs them."""

from __future__ import annotations

import re

# Services whose principal invokes a Lambda function asynchronously (an event is queued
# and retried; failures are lost without a dead-letter queue or on-failure destination).
ASYNC_INVOKERS = (
    "s3", "sns", "events", "scheduler", "ses", "iot", "logs", "config", "codecommit",
    "cloudformation", "lambda.alarms.cloudwatch",
)
_ASYNC_PRINCIPAL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in ASYNC_INVOKERS) + r")\.amazonaws\.com(\.cn)?$"
)


def no_xray_grant(scope: str) -> str:
    """Why tracing is reported, not turned on, for a function whose role is not one of the
    ``scope`` (module, template): Lambda rejects tracing when the role cannot write traces."""
    return (f"its execution role is not a role of this {scope}, so iacfix cannot grant it X-Ray write "
            "access: attach AWSXRayDaemonWriteAccess to it, then turn tracing on")


def invokes_asynchronously(principal: object) -> bool:
    """Whether a service principal (``sns.amazonaws.com``) invokes Lambda asynchronously."""
    return isinstance(principal, str) and _ASYNC_PRINCIPAL.match(principal) is not None


# The log group Lambda creates for a function on its first invocation (with no retention):
# ``/aws/lambda/<function name>``.
LAMBDA_LOG_GROUP_PREFIX = "/aws/lambda/"

# aws-cdk-lib added ``log_group`` to lambda.Function in 2.110.0 (with Lambda's advanced
# logging controls); 2.132.0 alone lost it from FunctionProps (aws/aws-cdk#29439, back in
# 2.132.1). Before it, CDK sets a function's retention only through the deprecated
# ``log_retention`` (a Custom::LogRetention singleton Lambda, its role and policies).
CDK_FUNCTION_LOG_GROUP_SINCE = (2, 110, 0)
_CDK_WITHOUT_FUNCTION_LOG_GROUP = ((2, 132, 0),)
_CDK_LIB = re.compile(r"""["']?aws[-_]cdk[-_.]lib["']?(?:\[[^\]]*\])?\s*(?:=(?!=)\s*)?["']?([^"'\n#;]*)""",
                      re.IGNORECASE)
_CLAUSE = re.compile(r"(===|==|~=|<=|>=|!=|<|>|\^|~)?\s*v?(\d+(?:\.\d+)*)(\.\*)?")


def _version(text: str) -> tuple:
    parts = tuple(int(p) for p in text.split("."))
    return (parts + (0, 0, 0))[:3]


def cdk_has_function_log_group(files: "dict[str, str] | list[str]") -> bool:
    """Whether the aws-cdk-lib that a Python package pins (requirements*.txt, setup.py,
    setup.cfg, pyproject.toml texts) has ``log_group`` on lambda.Function. Unpinned, a lower
    bound only, or anything unreadable counts as current: only a pin that excludes every
    release from 2.110.0 on (``==2.100.0``, ``~=2.90.0``, ``^2.80`` on 2.80, ``<2.110``) is old."""
    texts = files.values() if isinstance(files, dict) else files
    for text in texts:
        for m in _CDK_LIB.finditer(text):
            spec = m.group(1).strip()
            if not spec or spec == "*":
                continue
            exact = None
            upper_ok = True
            for clause in spec.split(","):
                c = _CLAUSE.fullmatch(clause.strip())
                if c is None:
                    continue
                op, ver, star = c.group(1) or "==", _version(c.group(2)), c.group(3)
                if op in ("==", "===") and not star:
                    exact = ver
                elif op in ("==", "===", "~=", "^", "~"):
                    # the release line the pin allows: ~=2.90 / ^2.90 / 2.90.* stay below 3 / 2.91
                    n = len(c.group(2).split("."))
                    if op in ("~=",) and n >= 2:
                        n -= 1
                    elif op == "^":
                        n = 1
                    elif op == "~" and n >= 2:
                        n = 2
                    head = _version(c.group(2))[:n]
                    ceiling = head[:-1] + (head[-1] + 1,) if head else ver
                    upper_ok = upper_ok and _version(".".join(map(str, ceiling))) > CDK_FUNCTION_LOG_GROUP_SINCE
                elif op == "<":
                    upper_ok = upper_ok and ver > CDK_FUNCTION_LOG_GROUP_SINCE
                elif op == "<=":
                    upper_ok = upper_ok and ver >= CDK_FUNCTION_LOG_GROUP_SINCE
            if exact is not None:
                return exact >= CDK_FUNCTION_LOG_GROUP_SINCE and exact not in _CDK_WITHOUT_FUNCTION_LOG_GROUP
            if not upper_ok:
                return False
    return True
