"""What the Terraform adapter knows of the hashicorp/aws provider: which resource types
a neutral kind is, how a neutral property is spelled there, how values are written and
read, where added arguments go, and the facts only Terraform can compute (hooks,
``TheOnly``).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from lark import Tree

from iacfix.codemods import spec
from iacfix.codemods.common.terraform import counted
from iacfix.transforms import terraform as tf
from iacfix.transforms.terraform import Block, TfDoc

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


# ---------------------------------------------------------------------- values


class Expr(str):
    """HCL expression text written as it is (a reference)."""


def render(value: Any, unit: str) -> str:
    """The HCL text of a neutral literal (or an ``Expr``)."""
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return tf.quote(value)
    if isinstance(value, (list, tuple)):
        items = [render(v, unit) for v in value]
        one = "[" + ", ".join(items) + "]"
        if len(items) <= 1 or len(one) <= 60:
            return one
        return "[\n" + "".join(f"{unit}{it},\n" for it in items) + "]"
    raise TypeError(f"cannot write {value!r} in HCL")


def read_value(node) -> Any:
    """A value as the interpreter compares it: a literal (lists of literals included),
    ``spec.ABSENT`` for ``null``, ``spec.UNKNOWN`` for anything else. ``"true"`` and
    ``"false"`` are booleans: HCL converts them where a bool is expected, and no
    condition of the catalog compares a string with them."""
    n = tf.unwrap(node)
    if isinstance(n, Tree) and n.data == "tuple":
        items = [c for c in n.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]
        vals = [read_value(c) for c in items]
        return spec.UNKNOWN if any(v is spec.UNKNOWN or v is spec.ABSENT for v in vals) else vals
    v = tf.literal(node)
    if v is tf.UNKNOWN:
        return spec.UNKNOWN
    if v is None:
        return spec.ABSENT
    if v in ("true", "false"):
        return v == "true"
    return v


def same(have: Any, want: Any) -> bool:
    """``spec.same``, with HCL's conversion of numeric strings where a number is expected."""
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(have, str):
        n = spec.number(have)
        return n is not None and n == float(want)
    return spec.same(have, want)


# ---------------------------------------------------------------------- computed values


def the_only(doc: TfDoc, ref: spec.TheOnly) -> Optional[Expr]:
    """``<type>.<label>.<attr>`` of the file's only resource of that kind (not counted)."""
    found = doc.resources(*KINDS.get(ref.kind, ()))
    if len(found) != 1 or counted(found[0]):
        return None
    rtype, label = found[0].labels
    return Expr(f"{rtype}.{label}.{ref.attr}")


def _edge_functions(doc: TfDoc) -> set:
    """Labels of the functions a CloudFront distribution runs at the edge: referenced
    by a ``lambda_arn`` (of a ``lambda_function_association``), directly or through an alias."""
    if "edge_functions" in doc.cache:
        return doc.cache["edge_functions"]
    aliases = {a.labels[1]: a for a in doc.resources("aws_lambda_alias")}
    out = set()

    def visit(block: Block):
        for it in block.items:
            if it.is_block:
                visit(it)
            elif it.name == "lambda_arn":
                for rtype, name in tf.references(it.value):
                    if rtype == "aws_lambda_function":
                        out.add(name)
                    elif rtype == "aws_lambda_alias" and name in aliases and aliases[name].attr("function_name"):
                        out.update(n for t, n in tf.references(aliases[name].attr("function_name").value)
                                   if t == "aws_lambda_function")

    for dist in doc.resources("aws_cloudfront_distribution"):
        visit(dist)
    doc.cache["edge_functions"] = out
    return out


def _runs_at_edge(doc: TfDoc, res: Block) -> Optional[bool]:
    if res.labels[0] != "aws_lambda_function":
        return None
    return res.labels[1] in _edge_functions(doc)


# name → fn(doc, resource) → the value (None: cannot tell)
HOOKS = {
    "runs_at_edge": _runs_at_edge,
}
