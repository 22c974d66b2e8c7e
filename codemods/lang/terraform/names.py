"""The Terraform names of the catalog's neutral kinds and properties (hashicorp/aws
provider): which resource types a kind is, how a property is spelled, where added
arguments go. Plain tables, importable without the Terraform parser: Pulumi's adapter
reads them too (its classes are generated from these types), and a Pulumi check must
not load python-hcl2 and lark.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from iacfix.codemods import spec

# ---------------------------------------------------------------------- kinds

KINDS: Dict[str, Tuple[str, ...]] = {
    "kms.Key": ("aws_kms_key",),
    "dynamodb.Table": ("aws_dynamodb_table",),
    "sqs.Queue": ("aws_sqs_queue",),
    "ecs.Cluster": ("aws_ecs_cluster",),
    "efs.FileSystem": ("aws_efs_file_system",),
    "lambda.Function": ("aws_lambda_function",),
    "logs.LogGroup": ("aws_cloudwatch_log_group",),
    # REST API stages. A deployment's stage_description is a plain string in Terraform
    # (the stage is always its own aws_api_gateway_stage): apigateway.Deployment has no type.
    "apigateway.Stage": ("aws_api_gateway_stage",),
    "apigatewayv2.Stage": ("aws_apigatewayv2_stage",),
    "apigatewayv2.Api": ("aws_apigatewayv2_api",),
    "kinesis.Stream": ("aws_kinesis_stream",),
    # an Aurora cluster's instances are their own type (aws_db_instance cannot join a cluster)
    "rds.DBInstance": ("aws_db_instance", "aws_rds_cluster_instance"),
    "rds.DBCluster": ("aws_rds_cluster",),
    "elasticache.ReplicationGroup": ("aws_elasticache_replication_group",),
}

KIND_OF: Dict[str, str] = {t: kind for kind, types in KINDS.items() for t in types}


def types_of(kinds) -> Tuple[str, ...]:
    return tuple(t for k in kinds for t in KINDS.get(k, ()))


# ---------------------------------------------------------------------- names

# Neutral property paths spelled otherwise, per resource type; any other keeps its name
# (the provider mostly uses CloudFormation's names in snake_case). A path maps to the
# native name of its last segment: "" when Terraform flattens that structure into its
# parent (its fields are arguments of the parent), None when Terraform has no such
# property (reads as absent; requirements on it are dropped). A nested property is a
# nested block, its fields the block's arguments.
FLAT = ""
NONE = None

_RDS = {
    "enable_cloudwatch_logs_exports": "enabled_cloudwatch_logs_exports",
}
NAMES: Dict[str, Dict[str, Optional[str]]] = {
    "aws_kms_key": {
        "key_spec": "customer_master_key_spec",
        # keys with imported material are aws_kms_external_key, another type
        "origin": NONE,
    },
    "aws_dynamodb_table": {
        "point_in_time_recovery_specification": "point_in_time_recovery",
        "point_in_time_recovery_specification.point_in_time_recovery_enabled": "enabled",
    },
    "aws_ecs_cluster": {
        "cluster_settings": "setting",  # a repeated block: setting { name, value }
    },
    "aws_api_gateway_stage": {
        "tracing_enabled": "xray_tracing_enabled",
        "access_log_setting": "access_log_settings",
        "method_settings": NONE,  # its own resource, aws_api_gateway_method_settings
    },
    "aws_kinesis_stream": {
        "stream_encryption": FLAT,
        "stream_encryption.key_id": "kms_key_id",
        "retention_period_hours": "retention_period",
    },
    "aws_db_instance": {
        **_RDS,
        "source_db_instance_identifier": "replicate_source_db",
        "db_snapshot_identifier": "snapshot_identifier",
        "db_cluster_identifier": NONE,
        "db_cluster_snapshot_identifier": NONE,
        "source_db_cluster_identifier": NONE,
        "db_parameter_group_name": "parameter_group_name",
        "preferred_backup_window": "backup_window",
        "preferred_maintenance_window": "maintenance_window",
    },
    "aws_rds_cluster_instance": {
        **_RDS,
        "db_cluster_identifier": "cluster_identifier",
    },
    "aws_rds_cluster": {
        **_RDS,
        # a point-in-time clone names its source inside restore_to_point_in_time
        "source_db_cluster_identifier": "restore_to_point_in_time",
        "source_db_instance_identifier": NONE,
    },
    "aws_elasticache_replication_group": {
        "cache_parameter_group_name": "parameter_group_name",
    },
}


def native(rtype: str, path: str) -> Optional[List[str]]:
    """The native path (block types, then an argument) of a neutral property path:
    flattened segments left out; None when the property does not exist in Terraform."""
    names = NAMES.get(rtype, {})
    parts = path.split(".")
    out: List[str] = []
    for i in range(len(parts)):
        full = ".".join(parts[:i + 1])
        seg = names[full] if full in names else parts[i]
        if seg is NONE:
            return None
        if seg:
            out.extend(seg.split("."))
    return out


def flat(rtype: str, path: str) -> bool:
    """Terraform flattens the structure at ``path`` into its parent."""
    return NAMES.get(rtype, {}).get(path, NONE) == FLAT


# ---------------------------------------------------------------------- placement


def order(rtype: str, path: str = "") -> Tuple[str, ...]:
    """``spec.ORDER`` for a resource type (``path``: a nested block's neutral path), in
    native names; a flattened structure's fields take its place."""
    kind = KIND_OF.get(rtype)
    if kind is None:
        return ()
    out: List[str] = []

    def add(key: str, prefix: str):
        for name in spec.ORDER.get(key, ()):
            full = prefix + name
            nat = native(rtype, full)
            if nat is None:
                continue
            if flat(rtype, full):
                add(f"{key}.{name}", full + ".")  # its fields take its place
            else:
                out.append(nat[-1])

    add(f"{kind}.{path}" if path else kind, f"{path}." if path else "")
    return tuple(out)
