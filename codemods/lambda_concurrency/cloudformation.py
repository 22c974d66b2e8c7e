"""lambda_concurrency for CloudFormation: Lambda functions reserve their concurrency.

Checked: ``ReservedConcurrentExecutions`` on ``AWS::Lambda::Function`` and
``AWS::Serverless::Function`` (for SAM, a value in ``Globals: Function`` counts as
set). Missing → the fix adds it with the ``reserved_concurrency`` parameter. Any
explicit value, literal or intrinsic (0 deliberately stops the function), is the
author's decision: no finding.
Not covered: whether the reservations of all functions fit the account's
concurrency limit; provisioned concurrency.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Explicit, Param, required

detect = required(
    ("AWS::Lambda::Function", "AWS::Serverless::Function"),
    {"ReservedConcurrentExecutions": Explicit(Param("reserved_concurrency"), "reserved concurrency")},
    what="Lambda function",
    slug="lambda-concurrency",
)
