"""api_tracing for CloudFormation: REST API stages trace requests with X-Ray.

Checked: ``TracingEnabled: true`` on ``AWS::ApiGateway::Stage`` and
``AWS::Serverless::Api`` (for SAM, a value in ``Globals: Api`` counts as set), and
in the ``StageDescription`` of an ``AWS::ApiGateway::Deployment`` that creates its
stage (has a ``StageName``). Missing → the fix adds it (merged into an existing
StageDescription); ``TracingEnabled: false`` → unsafe finding, replaced with
``--unsafe-fixes``; a parameter or other intrinsic → no finding.
Not covered: HTTP and WebSocket APIs (``AWS::ApiGatewayV2::*``,
``AWS::Serverless::HttpApi``: API Gateway has no X-Ray tracing for them), the
implicit API that SAM creates for function ``Api`` events (set ``TracingEnabled``
under ``Globals: Api``), the functions' own tracing.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Nested, required

DEPLOYMENT = "AWS::ApiGateway::Deployment"


def _creates_stage(doc, res) -> bool:
    return res.type != DEPLOYMENT or res.prop("StageName") is not None


def _props(doc, res, ctx):
    tracing = Exactly(True, "X-Ray tracing")
    if res.type == DEPLOYMENT:
        return {"StageDescription": Nested({"TracingEnabled": tracing}, "X-Ray tracing")}
    return {"TracingEnabled": tracing}


detect = required(
    ("AWS::ApiGateway::Stage", "AWS::Serverless::Api", DEPLOYMENT),
    _props,
    what="API stage",
    slug="api-tracing",
    when=_creates_stage,
    wrong_msg="{what} '{name}' has X-Ray tracing disabled ({setting})",
)
