"""A storage component: options already carry the parent and provider."""

import pulumi
from pulumi import ResourceOptions
import pulumi_aws as aws


class Storage(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("orders:index:Storage", name, None, opts)
        self.table = aws.dynamodb.Table(
            f"{name}-table",
            billing_mode="PAY_PER_REQUEST",
            hash_key="id",
            attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
            opts=ResourceOptions(parent=self),
        )
        self.bucket = aws.s3.Bucket(
            f"{name}-bucket",
            opts=ResourceOptions(
                parent=self,
                ignore_changes=["tags"],
            ),
        )
        self.key = aws.kms.Key(f"{name}-key", args=aws.kms.KeyArgs(enable_key_rotation=True), opts=ResourceOptions(parent=self))


storage = Storage("orders")
