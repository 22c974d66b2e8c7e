"""The team accepts the deploy failure risk on this one (a class change is coming)."""

import pulumi_aws as aws

# iacfix: ignore[rds-performance-insights]
reporting_db = aws.rds.Instance(
    "reporting-db",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="reporting",
    manage_master_user_password=True,
    performance_insights_enabled=True,
)

audit_db = aws.rds.Instance(
    "audit-db",
    engine="mysql",
    instance_class="db.t2.small",
    allocated_storage=20,
    username="audit",
    manage_master_user_password=True,
    performance_insights_enabled=True,  # iacfix: ignore[IAC017]
)
