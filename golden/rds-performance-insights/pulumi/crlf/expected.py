"""Reporting database: a small PostgreSQL instance with Performance Insights."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

insights_key = aws.kms.Key(
    f"reporting-insights-key-{environment_suffix}",
    description="Performance Insights for the reporting database",
    enable_key_rotation=True,
)

reporting_db = aws.rds.Instance(
    f"reporting-db-{environment_suffix}",
    engine="postgres",
    engine_version="16.3",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="reporting",
    manage_master_user_password=True,
    performance_insights_enabled=False,
    tags={"Team": "analytics"},
)

pulumi.export("reporting_db_endpoint", reporting_db.endpoint)
