"""lambda_limits for Terraform: ``aws_lambda_function`` resources state their timeout and memory.

Checked: ``timeout`` and ``memory_size`` are set (any value, a variable
included). Missing (or ``null``) → the fix adds ``timeout = <timeout_seconds>``
and/or ``memory_size = <memory_mb>`` after the function's other arguments.
Not covered: whether the stated values are sensible (e.g. a timeout above the
15-minute maximum, or above 5 seconds for a Lambda@Edge viewer trigger, which
the detector cannot tell from the function alone), and the
``ephemeral_storage`` size.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Explicit, Param, required

detect = required(
    "aws_lambda_function",
    {
        "timeout": Explicit(Param("timeout_seconds"), "timeout"),
        "memory_size": Explicit(Param("memory_mb"), "memory size"),
    },
    what="Lambda function",
    slug="lambda-limits",
    missing_msg="{what} '{name}' leaves its {missing} to the default",
)
