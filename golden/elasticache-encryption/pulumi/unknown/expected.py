"""Cache settings come from configuration or shared defaults."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
cache = config.require_object("cache")
defaults = {"at_rest_encryption_enabled": True, "transit_encryption_enabled": True}

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    description="Sessions",
    engine="redis",
    node_type=cache["nodeType"],
    num_cache_clusters=cache["nodes"],
    at_rest_encryption_enabled=config.require_bool("encryptAtRest"),
    transit_encryption_enabled=cache["tls"],
    snapshot_retention_limit=config.get_int("snapshotDays"),
)

aws.elasticache.ReplicationGroup(
    "tokens",
    description="Tokens",
    engine="redis",
    node_type="cache.t4g.small",
    **defaults,
)
