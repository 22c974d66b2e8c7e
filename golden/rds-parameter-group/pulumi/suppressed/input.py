import pulumi_aws as aws

# The default group is fine for this scratch database.
scratch = aws.rds.Instance(  # iacfix: ignore[rds-parameter-group]
    "scratch",
    engine="postgres",
    engine_version="16.3",
    instance_class="db.t3.micro",
)
