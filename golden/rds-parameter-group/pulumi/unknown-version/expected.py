import pulumi
import pulumi_aws as aws

config = pulumi.Config()

by_config = aws.rds.Instance(
    "by-config",
    engine="postgres",
    engine_version=config.get("postgresVersion"),
    instance_class="db.t3.micro",
)

latest = aws.rds.Instance(
    "latest",
    engine="mysql",
    instance_class="db.t3.micro",
)

replica = aws.rds.Instance(
    "replica",
    replicate_source_db=latest.identifier,
    instance_class="db.t3.micro",
)
