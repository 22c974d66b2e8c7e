"""kinesis_shard_metrics for Terraform: ``aws_kinesis_stream`` resources publish shard-level metrics.

Checked: ``shard_level_metrics`` is set (any list, a variable included: the
choice of metrics is the author's). Missing (or ``null``) → the fix adds
``shard_level_metrics = [...]`` with the configured ``metrics``, one per line.
Not covered: whether the listed metrics are valid names, and on-demand streams'
cost of enhanced monitoring (billed per shard and metric).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Explicit, Param, required

detect = required(
    "aws_kinesis_stream",
    {"shard_level_metrics": Explicit(Param("metrics"), "shard-level metrics")},
    what="Kinesis stream",
    slug="kinesis-shard-metrics",
)
