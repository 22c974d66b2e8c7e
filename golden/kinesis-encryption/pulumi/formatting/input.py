import pulumi
import pulumi_aws as aws

class Telemetry(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("assessments:Telemetry", name, None, opts)
        self.clicks = aws.kinesis.Stream(f"{name}-clicks", shard_count=2,  # two shards at peak
                                         opts=pulumi.ResourceOptions(parent=self))
        self.keystrokes = aws.kinesis.Stream(f"{name}-keystrokes", shard_count=4, opts=pulumi.ResourceOptions(parent=self))


telemetry = Telemetry("telemetry")
