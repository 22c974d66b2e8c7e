from aws_cdk import Stack
from aws_cdk import aws_kinesis as kinesis
from constructs import Construct


class IngestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kinesis.CfnStream(
            self,
            "OrdersStream",
            shard_count=2,
        )
        kinesis.CfnStream(
            self,
            "PaymentsStream",
            shard_count=2,
            stream_encryption=kinesis.CfnStream.StreamEncryptionProperty(
                encryption_type="KMS",
            ),
            retention_period_hours=72,
        )
