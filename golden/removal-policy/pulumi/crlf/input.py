"""Orders service storage: table, receipts bucket, database, key and logs."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_key = aws.kms.Key(
    f"orders-key-{environment_suffix}",
    description="Encrypts the orders table and receipts",
    enable_key_rotation=True,
)

orders_table = aws.dynamodb.Table(
    f"orders-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="orderId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="orderId", type="S")],
    server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(
        enabled=True,
        kms_key_arn=orders_key.arn,
    ),
    tags={"Team": "orders"},
)

receipts_bucket = aws.s3.Bucket(f"orders-receipts-{environment_suffix}")

orders_db = aws.rds.Instance(
    f"orders-db-{environment_suffix}",
    engine="postgres",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    username="orders",
    manage_master_user_password=True,
    storage_encrypted=True,
    tags={"Team": "orders"},
)

orders_logs = aws.cloudwatch.LogGroup(
    f"/orders/{environment_suffix}/api",
    retention_in_days=30,
)

pulumi.export("orders_table_name", orders_table.name)
