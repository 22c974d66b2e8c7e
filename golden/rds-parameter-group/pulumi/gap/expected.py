"""Orders and ledger databases."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_db_params = aws.rds.ParameterGroup(
    f"orders-db-params-{environment_suffix}",
    name=f"orders-params-{environment_suffix}",
    family="postgres15",
    description="postgres15 parameters of orders_db",
    tags={"Team": "payments"},
)

orders_db = aws.rds.Instance(
    f"orders-db-{environment_suffix}",
    identifier=f"orders-{environment_suffix}",
    engine="postgres",
    engine_version="15.4",
    instance_class="db.t3.micro",
    allocated_storage=20,
    parameter_group_name=orders_db_params.name,
    tags={"Team": "payments"},
)

ledger_params = aws.rds.ClusterParameterGroup(
    f"ledger-params-{environment_suffix}",
    family="aurora-postgresql15",
    description="aurora-postgresql15 parameters of ledger",
)

ledger = aws.rds.Cluster(
    f"ledger-{environment_suffix}",
    engine=aws.rds.EngineType.AURORA_POSTGRESQL,
    engine_version="15.4",
    master_username="ledger",
    manage_master_user_password=True,
    db_cluster_parameter_group_name=ledger_params.name,
)

pulumi.export("orders_endpoint", orders_db.endpoint)
