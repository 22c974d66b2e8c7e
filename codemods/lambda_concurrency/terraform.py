"""lambda_concurrency for Terraform: ``aws_lambda_function`` resources reserve their concurrency.

Checked: ``reserved_concurrent_executions`` is set (any value: ``-1`` states
"unreserved" explicitly, a variable is fine). Missing (or ``null``) → the fix
adds ``reserved_concurrent_executions = <reserved_concurrency>`` after the
function's other arguments (after ``timeout``/``memory_size``).
Not covered: whether the account's unreserved pool can hold every reservation
(AWS keeps at least 100 unreserved), and provisioned concurrency
(``aws_lambda_provisioned_concurrency_config``).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Explicit, Param, required

detect = required(
    "aws_lambda_function",
    {"reserved_concurrent_executions": Explicit(Param("reserved_concurrency"), "reserved concurrency")},
    what="Lambda function",
    slug="lambda-concurrency",
)
