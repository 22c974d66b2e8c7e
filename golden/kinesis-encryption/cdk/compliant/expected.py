from aws_cdk import Duration, Stack, aws_kinesis as kinesis, aws_kms as kms
from constructs import Construct


class TelemetryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "TelemetryKey", enable_key_rotation=True)
        kinesis.Stream(
            self,
            "MetricsStream",
            encryption=kinesis.StreamEncryption.MANAGED,
            retention_period=Duration.hours(48),
        )
        kinesis.Stream(self, "TracesStream", encryption_key=key, retention_period=Duration.days(7))
        kinesis.CfnStream(
            self,
            "EventsStream",
            shard_count=2,
            stream_encryption=kinesis.CfnStream.StreamEncryptionProperty(encryption_type="KMS", key_id=key.key_arn),
            retention_period_hours=24,
        )
