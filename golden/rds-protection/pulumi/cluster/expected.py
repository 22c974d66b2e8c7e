"""Assessment results: an Aurora PostgreSQL cluster with a writer and a reader."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

results_cluster = aws.rds.Cluster(
    f"results-{environment_suffix}",
    engine="aurora-postgresql",
    engine_version="16.2",
    database_name="results",
    master_username="results_admin",
    manage_master_user_password=True,
    storage_encrypted=True,
    skip_final_snapshot=False,
    final_snapshot_identifier=f"results-final-{environment_suffix}",
    backup_retention_period=7,
    copy_tags_to_snapshot=True,
    deletion_protection=True,
    enabled_cloudwatch_logs_exports=["postgresql"],
)

results_instances = [
    aws.rds.ClusterInstance(
        f"results-{i}-{environment_suffix}",
        cluster_identifier=results_cluster.id,
        instance_class="db.r6g.large",
        engine=results_cluster.engine,
        engine_version=results_cluster.engine_version,
        auto_minor_version_upgrade=True,
    )
    for i in range(2)
]

pulumi.export("results_endpoint", results_cluster.endpoint)
