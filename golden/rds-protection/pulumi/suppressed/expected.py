"""Scratch database for load tests: thrown away every night."""

import pulumi_aws as aws

# iacfix: ignore[rds-protection]
scratch_db = aws.rds.Instance(
    "load-test-scratch",
    engine="postgres",
    instance_class="db.t4g.micro",
    allocated_storage=20,
    username="scratch",
    manage_master_user_password=True,
    storage_encrypted=True,
    skip_final_snapshot=True,
)

# iacfix: ignore[IAC016]
aws.rds.Cluster(
    "load-test-aurora",
    engine="aurora-mysql",
    master_username="scratch",
    manage_master_user_password=True,
    storage_encrypted=True,
)
