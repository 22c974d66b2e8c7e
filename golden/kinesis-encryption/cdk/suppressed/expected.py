from aws_cdk import Stack, aws_kinesis as kinesis
from constructs import Construct


class LoadTestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Synthetic load only, torn down after each run
        # iacfix: ignore[kinesis-encryption]
        kinesis.Stream(
            self,
            "SyntheticStream",
            shard_count=8,
        )
        kinesis.CfnStream(self, "ReplayStream", shard_count=1)  # iacfix: ignore[IAC014]
