"""Log group of the scoring function, declared so that it is removed with the stack."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

scorer_logs = aws.cloudwatch.LogGroup(
    f"scorer-logs-{environment_suffix}",
    name=f"/aws/lambda/scorer-{environment_suffix}",
    tags={"Team": "assessments"},
)

pulumi.export("scorer_log_group", scorer_logs.name)
