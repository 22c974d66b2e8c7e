import pulumi
import pulumi_aws as aws

class Telemetry(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("assessments:Telemetry", name, None, opts)
        self.clicks = aws.kinesis.Stream(f"{name}-clicks", shard_count=2,  # two shards at peak
                                         shard_level_metrics=[
                                             "IncomingBytes",
                                             "IncomingRecords",
                                             "OutgoingBytes",
                                             "OutgoingRecords",
                                             "WriteProvisionedThroughputExceeded",
                                             "ReadProvisionedThroughputExceeded",
                                             "IteratorAgeMilliseconds",
                                         ],
                                         opts=pulumi.ResourceOptions(parent=self))
        self.keystrokes = aws.kinesis.Stream(
            f"{name}-keystrokes",
            shard_count=4,
            shard_level_metrics=[
                "IncomingBytes",
                "IncomingRecords",
                "OutgoingBytes",
                "OutgoingRecords",
                "WriteProvisionedThroughputExceeded",
                "ReadProvisionedThroughputExceeded",
                "IteratorAgeMilliseconds",
            ],
            opts=pulumi.ResourceOptions(parent=self),
        )


telemetry = Telemetry("telemetry")
