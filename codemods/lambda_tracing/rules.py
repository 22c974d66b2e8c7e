"""What lambda-tracing requires of a function, once for every language: tracing mode Active.

The languages' detectors run this rule and then decide, by hand, what only they can see:
whether the function's role is in the project to receive the X-Ray grant (no half fix:
tracing without the grant fails the deploy).
"""

import fnmatch
from typing import Iterable, Optional

from iacfix.codemods.spec import Exactly, Nested, Rule

LABEL = "active X-Ray tracing"
OFF = "does not trace with X-Ray"

TRACING = Rule(
    ("lambda.Function",),
    {"tracing_config": Nested({"mode": Exactly("Active", label=LABEL, off=OFF)}, label=LABEL, off=OFF)},
    what="Lambda function",
)

# What lets a role write traces: one of these AWS-managed policies, or both actions
# (wildcards allowed). The fix attaches GRANT_POLICY.
XRAY_POLICIES = ("AWSXRayDaemonWriteAccess", "AWSXrayWriteOnlyAccess")
XRAY_ACTIONS = ("xray:PutTraceSegments", "xray:PutTelemetryRecords")
GRANT_POLICY = "AWSXRayDaemonWriteAccess"


def allows_xray(policy_names: Iterable[Optional[str]], statements: Iterable[Optional[set]]) -> Optional[bool]:
    """Whether a role may write traces, from the names of its managed policies and the
    action patterns of its policy statements (None for one the file does not let us read):
    True, False, or None when an unreadable one could decide it."""
    unknown = False
    for name in policy_names:
        if name is None:
            unknown = True
        elif name.lower() in {p.lower() for p in XRAY_POLICIES}:
            return True
    allowed: set = set()
    for actions in statements:
        if actions is None:
            unknown = True
        else:
            allowed |= {a.lower() for a in actions}
    if all(any(fnmatch.fnmatchcase(a.lower(), pat) for pat in allowed) for a in XRAY_ACTIONS):
        return True
    return None if unknown else False
