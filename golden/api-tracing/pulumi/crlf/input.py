"""REST API of the candidate portal."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

portal_api = aws.apigateway.RestApi(
    f"portal-api-{environment_suffix}",
    description="Candidate portal",
)

health = aws.apigateway.Resource(
    f"portal-health-{environment_suffix}",
    rest_api=portal_api.id,
    parent_id=portal_api.root_resource_id,
    path_part="health",
)

health_get = aws.apigateway.Method(
    f"portal-health-get-{environment_suffix}",
    rest_api=portal_api.id,
    resource_id=health.id,
    http_method="GET",
    authorization="NONE",
)

aws.apigateway.Integration(
    f"portal-health-mock-{environment_suffix}",
    rest_api=portal_api.id,
    resource_id=health.id,
    http_method=health_get.http_method,
    type="MOCK",
)

deployment = aws.apigateway.Deployment(
    f"portal-deployment-{environment_suffix}",
    rest_api=portal_api.id,
    opts=pulumi.ResourceOptions(depends_on=[health_get]),
)

portal_stage = aws.apigateway.Stage(
    f"portal-stage-{environment_suffix}",
    rest_api=portal_api.id,
    deployment=deployment.id,
    stage_name=environment_suffix,
    tags={"Team": "assessments"},
)

pulumi.export("portal_url", portal_stage.invoke_url)
