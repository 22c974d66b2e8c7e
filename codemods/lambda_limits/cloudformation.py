"""lambda_limits for CloudFormation: Lambda functions state their timeout and memory size.

Checked: ``Timeout`` and ``MemorySize`` on ``AWS::Lambda::Function`` and
``AWS::Serverless::Function`` (for SAM, a value in ``Globals: Function`` counts as
set). Each one missing → the fix adds it with the ``timeout_seconds`` /
``memory_mb`` parameter (both at once when both are missing). Any explicit value,
literal or intrinsic, is the author's decision: no finding.
Not covered: Lambda@Edge functions (associated with a CloudFront distribution,
directly or through an ``AWS::Lambda::Version``): viewer triggers allow at most 5 s
and 128 MB, so the defaults would break them; whether the values suit the function
(a 900 s timeout behind a 29 s API Gateway integration); ``EphemeralStorage``.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Explicit, Param, required
from iacfix.transforms.cloudformation import refs_in, walk


def _edge_functions(doc) -> set:
    """Functions a CloudFront distribution runs at the edge (through their versions too)."""
    versions = {r.name: set(refs_in(r.prop("FunctionName"))) for r in doc.resources()
                if r.type == "AWS::Lambda::Version"}
    out = set()
    for r in doc.resources():
        if r.type == "AWS::CloudFront::Distribution":
            for path, node in walk(r.properties):
                if path and path[-1] == "LambdaFunctionARN":
                    for target in refs_in(node):
                        target = target.split(".", 1)[0]  # SAM: !Ref Function.Version
                        out.add(target)
                        out |= versions.get(target, set())
    return out


def _not_edge(doc, fn) -> bool:
    return fn.name not in _edge_functions(doc)

detect = required(
    ("AWS::Lambda::Function", "AWS::Serverless::Function"),
    {"Timeout": Explicit(Param("timeout_seconds"), "timeout"),
     "MemorySize": Explicit(Param("memory_mb"), "memory size")},
    what="Lambda function",
    slug="lambda-limits",
    when=_not_edge,
)
