from aws_cdk import App, Stack, aws_kinesis as kinesis, aws_sqs as sqs
from constructs import Construct


class IngestStack(Stack):
    """No environment suffix anywhere: the names are reported, not rewritten."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kinesis.Stream(self, "Clicks", stream_name="clicks", shard_count=1)
        sqs.Queue(self, "Enrich", queue_name="clicks-enrich")


app = App()
IngestStack(app, "Ingest")
app.synth()
