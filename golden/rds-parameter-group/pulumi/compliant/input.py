import pulumi_aws as aws

orders_params = aws.rds.ParameterGroup("orders-params", family="postgres15")

orders_db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    engine_version="15.4",
    instance_class="db.t3.micro",
    parameter_group_name=orders_params.name,
)

ledger = aws.rds.Cluster(
    "ledger",
    engine="aurora-mysql",
    engine_version="8.0.mysql_aurora.3.05.2",
    db_cluster_parameter_group_name="ledger-cluster-params",
)

# An instance of the cluster: the cluster's parameter group governs it.
ledger_writer = aws.rds.ClusterInstance(
    "ledger-writer",
    cluster_identifier=ledger.id,
    instance_class="db.r6g.large",
    engine="aurora-mysql",
)
