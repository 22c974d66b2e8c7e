"""lambda-limits for Pulumi Python: ``lambda_.Function`` states its timeout and memory size.

Missing ``timeout`` / ``memory_size`` → added with the configured values
(``timeout_seconds``, ``memory_mb``), both in one fix, before ``tags=``/``opts=``.
Any explicit value (a literal, a variable, config) is the author's decision:
compliant.

Not covered: ``lambda_.CallbackFunction`` (pulumi's serialised-closure
function, whose limits are set on its ``args``) and Lambda@Edge limits.
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Explicit, Param, required

detect = required(
    "lambda_.Function",
    {
        "timeout": Explicit(Param("timeout_seconds"), "timeout"),
        "memory_size": Explicit(Param("memory_mb"), "memory size"),
    },
    what="Lambda function",
    detail="lambda-limits",
)
