"""Container Insights was turned off to save on metrics."""

import pulumi_aws as aws

grading = aws.ecs.Cluster(
    "grading",
    settings=[
        aws.ecs.ClusterSettingArgs(
            name="containerInsights",
            value="disabled",
        ),
    ],
)
