"""Aurora PostgreSQL for the preview environment: two small members."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

preview_cluster = aws.rds.Cluster(
    f"preview-{environment_suffix}",
    engine="aurora-postgresql",
    engine_version="16.4",
    master_username="preview",
    manage_master_user_password=True,
    skip_final_snapshot=True,
)

for i in range(2):
    aws.rds.ClusterInstance(
        f"preview-{environment_suffix}-{i}",
        cluster_identifier=preview_cluster.id,
        engine="aurora-postgresql",
        instance_class="db.t4g.micro",
        performance_insights_enabled=True,
        performance_insights_retention_period=7,
    )

writer = aws.rds.ClusterInstance(
    f"preview-writer-{environment_suffix}",
    args=aws.rds.ClusterInstanceArgs(
        cluster_identifier=preview_cluster.id,
        engine="aurora-postgresql",
        instance_class="db.t3.small",
        performance_insights_enabled=True,
    ),
)
