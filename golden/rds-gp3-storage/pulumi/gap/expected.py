"""Orders databases."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_db = aws.rds.Instance(
    f"orders-db-{environment_suffix}",
    engine="postgres",
    engine_version="16.3",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    username="orders_admin",
    manage_master_user_password=True,
    storage_type="gp3",
    tags={"Team": "orders"},
)

# a read replica follows its source's storage
orders_replica = aws.rds.Instance(
    f"orders-replica-{environment_suffix}",
    replicate_source_db=orders_db.identifier,
    instance_class="db.t4g.medium",
)

# gp2 above 4,000 GiB has a baseline beyond gp3's
archive_db = aws.rds.Instance(
    f"archive-db-{environment_suffix}",
    engine="postgres",
    instance_class="db.r6g.large",
    allocated_storage=5000,
)

pulumi.export("orders_db_endpoint", orders_db.endpoint)
