"""Cluster settings shared by every cluster, or from configuration."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
cluster_settings = [aws.ecs.ClusterSettingArgs(name="containerInsights", value=config.require("insights"))]

workers = aws.ecs.Cluster("workers", settings=cluster_settings)

schedulers = aws.ecs.Cluster(
    "schedulers",
    settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value=config.require("insights"))],
)

extra = [{"name": "containerInsights", "value": "enabled"}]
mixed = aws.ecs.Cluster("mixed", settings=[*extra])
