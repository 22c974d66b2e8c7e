from aws_cdk import (
    Stack,
    aws_kinesis as kinesis,
)
from constructs import Construct


class ClickstreamStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.clicks = kinesis.Stream(
            self,
            "ClickStream",
            stream_name=f"clicks-{environment_suffix}",
            stream_mode=kinesis.StreamMode.ON_DEMAND,
        )
