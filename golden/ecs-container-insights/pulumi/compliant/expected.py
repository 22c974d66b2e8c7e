"""Clusters with Container Insights, in both spellings."""

import pulumi_aws as aws

workers = aws.ecs.Cluster(
    "workers",
    settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")],
)

# Enhanced observability: per-container metrics.
renderers = aws.ecs.Cluster(
    "renderers",
    settings=[{"name": "containerInsights", "value": "enhanced"}],
)
