"""elasticache_parameter_group for Terraform: replication groups and clusters have a parameter group.

An ``aws_elasticache_replication_group``, and an ``aws_elasticache_cluster`` that is not a
member of one (no ``replication_group_id``), without ``parameter_group_name`` run on the
default group of their family. The fix writes a group of the family of their ``engine``
(a replication group's defaults to ``redis``) and ``engine_version`` right after them,
labelled like them, led by their provider and region and followed by their tags:

    resource "aws_elasticache_parameter_group" "sessions" {
      name        = "sessions-params-${var.environment_suffix}"
      family      = "redis7"
      description = "redis7 parameters of sessions"
    }

and attaches it (``parameter_group_name = aws_elasticache_parameter_group.sessions.name``).
The name is the cache's ``replication_group_id`` / ``cluster_id`` with ``-params``, else its
label by the module's convention.

Reported without a fix: an engine or engine version that is not a literal or is absent, a
version iacfix cannot place in a family, a replication group in cluster mode
(``num_node_groups``, ``replicas_per_node_group``, ``cluster_mode`` other than ``disabled``),
a resource with count/for_each. A member of a global datastore (``global_replication_group_id``)
is not reported: the global datastore's primary governs its parameter group.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import elasticache_parameter_group_family
from iacfix.codemods.common.terraform import companion_name, counted, engine_family, gap, group_after
from iacfix.codemods.elasticache_parameter_group import (
    CLUSTER, CLUSTER_MODE, REPLICATION_GROUP, WORD, description, message, unknown,
)
from iacfix.codemods.lang.terraform.rules import insert_attrs
from iacfix.transforms.terraform import TfDoc, literal, quote

GROUP = "aws_elasticache_parameter_group"
# resource type → (what, the name argument, the engine when absent)
TYPES = {
    "aws_elasticache_replication_group": (REPLICATION_GROUP, "replication_group_id", "redis"),
    "aws_elasticache_cluster": (CLUSTER, "cluster_id", None),
}


def _present(block, name: str) -> bool:
    a = block.attr(name)
    return a is not None and literal(a.value) is not None  # `= null` is absent


def _cluster_mode(block) -> bool:
    if any(_present(block, a) for a in ("num_node_groups", "replicas_per_node_group")) or block.blocks("cluster_mode"):
        return True
    mode = block.attr("cluster_mode")
    return mode is not None and literal(mode.value) not in (None, "disabled")


def detect(doc: TfDoc, ctx):
    for res in doc.resources(*TYPES):
        what, name_attr, default_engine = TYPES[res.labels[0]]
        if _present(res, "parameter_group_name") or _present(res, "global_replication_group_id") \
                or (res.labels[0] == "aws_elasticache_cluster" and _present(res, "replication_group_id")):
            continue
        family, why = engine_family(res, elasticache_parameter_group_family, default_engine)
        msg = message(what, res.labels[1], family)
        if why is not None:
            yield gap(res, msg + unknown(why))
        elif res.labels[0] == "aws_elasticache_replication_group" and _cluster_mode(res):
            yield gap(res, message(what, res.labels[1], family + ".cluster.on") + CLUSTER_MODE)
        elif counted(res):
            yield gap(res, msg + " (count/for_each: not fixed automatically)")
        else:
            yield gap(res, msg, fix=_fixer(doc, res, name_attr, family))


def _fixer(doc: TfDoc, res, name_attr: str, family: str):
    def fix():
        items = [("name", companion_name(doc, res, name_attr, WORD)), ("family", quote(family)),
                 ("description", quote(description(family, res.labels[1])))]
        label, group = group_after(doc, res, GROUP, items)
        return insert_attrs(doc, res, [("parameter_group_name", f"{GROUP}.{label}.name")], res.labels[0]) + [group]

    return fix
