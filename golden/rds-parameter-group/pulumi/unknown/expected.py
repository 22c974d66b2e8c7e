import pulumi
import pulumi_aws as aws

config = pulumi.Config()

orders_db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    engine_version=config.get("postgresVersion"),
    instance_class="db.t3.micro",
    parameter_group_name=config.get("parameterGroup"),
)
