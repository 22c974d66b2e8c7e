from aws_cdk import Duration, Stack, aws_kinesis as kinesis
from constructs import Construct


class TenantStreamsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, encryption: kinesis.StreamEncryption, stream_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kinesis.Stream(self, "TenantStream", encryption=encryption, retention_period=Duration.hours(24))
        kinesis.Stream(self, "AuditStream", **stream_props)
        kinesis.CfnStream(
            self,
            "RawStream",
            stream_encryption=self.node.try_get_context("streamEncryption"),
            retention_period_hours=24,
        )
