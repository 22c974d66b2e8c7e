"""Stream of proctoring events from the exam clients."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

proctoring_stream = aws.kinesis.Stream(
    f"proctoring-events-{environment_suffix}",
    stream_mode_details=aws.kinesis.StreamStreamModeDetailsArgs(stream_mode="ON_DEMAND"),
    shard_level_metrics=[
        "IncomingBytes",
        "IncomingRecords",
        "OutgoingBytes",
        "OutgoingRecords",
        "WriteProvisionedThroughputExceeded",
        "ReadProvisionedThroughputExceeded",
        "IteratorAgeMilliseconds",
    ],
    tags={"Team": "assessments"},
)

pulumi.export("proctoring_stream", proctoring_stream.name)
