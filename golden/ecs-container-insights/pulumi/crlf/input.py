"""Cluster running the proctoring workers."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

proctoring_cluster = aws.ecs.Cluster(
    f"proctoring-{environment_suffix}",
    tags={"Team": "assessments"},
)

pulumi.export("cluster_arn", proctoring_cluster.arn)
