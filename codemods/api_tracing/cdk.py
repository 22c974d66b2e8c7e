"""api_tracing for AWS CDK v2 Python.

- ``apigateway.RestApi`` / ``LambdaRestApi`` / ``SpecRestApi``: the deployment
  stage gets ``deploy_options=apigateway.StageOptions(tracing_enabled=True)``,
  merged into an existing ``StageOptions(...)`` (as api-throttling does).
  ``deploy=False`` creates no stage (no finding); options built elsewhere are unknown.
- ``apigateway.Stage`` and ``apigateway.CfnStage``: ``tracing_enabled=True``.

``tracing_enabled=False`` is an unsafe finding; a value the file cannot know is
left alone. Not covered: HTTP and WebSocket APIs (API Gateway v2 has no X-Ray
tracing).
"""

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk_properties import Exactly, Prop, Struct, required_properties

APIGW = "aws_cdk.aws_apigateway"
LABEL = "X-Ray tracing"
TRACING = Prop("tracing_enabled", Exactly(True), LABEL)
DEPLOY_OPTIONS = Prop("deploy_options", Struct(f"{APIGW}.StageOptions", {"tracing_enabled": Exactly(True)}), LABEL)
REST_APIS = [f"{APIGW}.{n}" for n in ("RestApi", "LambdaRestApi", "SpecRestApi")]


def _deployed(doc, site, params) -> bool:
    if site.qualname not in REST_APIS:
        return True
    deploy = site.kwarg("deploy")
    return deploy is None or common.boolean(deploy.value) is True  # False: no stage; else unknown


detect = required_properties(
    {**{api: [DEPLOY_OPTIONS] for api in REST_APIS}, f"{APIGW}.Stage": [TRACING], f"{APIGW}.CfnStage": [TRACING]},
    kind={**{api: "REST API" for api in REST_APIS}, f"{APIGW}.Stage": "API stage", f"{APIGW}.CfnStage": "API stage"},
    when=_deployed,
)
