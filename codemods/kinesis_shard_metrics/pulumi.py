"""kinesis-shard-metrics for Pulumi Python: ``kinesis.Stream`` publishes shard-level metrics.

Missing ``shard_level_metrics`` → added with the configured ``metrics`` list
(one per line when it does not fit). Any explicit list, or one from a
variable, is the author's choice: compliant (a partial list is not extended).

Not covered: which metrics are worth their cost (each is billed as a custom
CloudWatch metric per shard); streams of other services (Firehose, Video).
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Explicit, Param, required

detect = required(
    "kinesis.Stream",
    {"shard_level_metrics": Explicit(Param("metrics"), "shard-level metrics")},
    what="Kinesis stream",
    detail="kinesis-shard-metrics",
)
