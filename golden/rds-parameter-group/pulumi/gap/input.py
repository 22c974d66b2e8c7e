"""Orders and ledger databases."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_db = aws.rds.Instance(
    f"orders-db-{environment_suffix}",
    identifier=f"orders-{environment_suffix}",
    engine="postgres",
    engine_version="15.4",
    instance_class="db.t3.micro",
    allocated_storage=20,
    tags={"Team": "payments"},
)

ledger = aws.rds.Cluster(
    f"ledger-{environment_suffix}",
    engine=aws.rds.EngineType.AURORA_POSTGRESQL,
    engine_version="15.4",
    master_username="ledger",
    manage_master_user_password=True,
)

pulumi.export("orders_endpoint", orders_db.endpoint)
