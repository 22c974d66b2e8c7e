import pulumi_aws as aws

orders_db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    instance_class="db.t4g.medium",
    allocated_storage=200,
    storage_type="gp2",
    deletion_protection=True,
)
