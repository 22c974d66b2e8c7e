"""rds_parameter_group for Terraform: ``aws_db_instance`` and ``aws_rds_cluster`` have a parameter group.

An ``aws_db_instance`` without ``parameter_group_name`` and an ``aws_rds_cluster`` without
``db_cluster_parameter_group_name`` run on the default group of their family. The fix writes
a group of the family of their ``engine`` and ``engine_version`` (literals) right after them,
labelled like them, led by their provider and region and followed by their tags:

    resource "aws_db_parameter_group" "orders" {
      name        = "orders-params-${var.environment_suffix}"
      family      = "postgres15"
      description = "postgres15 parameters of orders"
    }

and attaches it (``parameter_group_name = aws_db_parameter_group.orders.name``; an
``aws_rds_cluster_parameter_group`` and ``db_cluster_parameter_group_name`` for a cluster).
The name is the database's ``identifier`` / ``cluster_identifier`` with ``-params`` (before
the environment suffix), else its label by the module's convention.

Reported without a fix: an engine or engine version that is not a literal or is absent (a
read replica's engine is its source's; a cluster without engine is the provider's retired
``aurora``), a version iacfix cannot place in a family, a resource with count/for_each.
``aws_rds_cluster_instance`` is not reported: its cluster's parameter group governs it.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import rds_parameter_group_family
from iacfix.codemods.common.terraform import companion_name, counted, engine_family, gap, group_after
from iacfix.codemods.rds_parameter_group import CLUSTER, INSTANCE, WORD, description, message, unknown
from iacfix.codemods.lang.terraform.rules import insert_attrs
from iacfix.transforms.terraform import TfDoc, literal, quote

# resource type → (what, the argument attaching a group, the group's type, the name argument)
TYPES = {
    "aws_db_instance": (INSTANCE, "parameter_group_name", "aws_db_parameter_group", "identifier"),
    "aws_rds_cluster": (CLUSTER, "db_cluster_parameter_group_name", "aws_rds_cluster_parameter_group",
                        "cluster_identifier"),
}


def _set(block, name: str) -> bool:
    a = block.attr(name)
    return a is not None and literal(a.value) is not None  # `= null` is the default group


def _no_engine(res) -> str:
    if res.attr("replicate_source_db") is not None:
        return "a read replica takes its engine from its source"
    if res.labels[0] == "aws_rds_cluster":
        return "it does not name its engine (the provider's default, aurora, is retired)"
    return "it does not name its engine"


def detect(doc: TfDoc, ctx):
    for res in doc.resources(*TYPES):
        what, attach, gtype, name_attr = TYPES[res.labels[0]]
        if _set(res, attach):
            continue
        name = res.labels[1]
        family, why = engine_family(res, rds_parameter_group_family, no_engine=_no_engine(res))
        msg = message(what, name, family)
        if why is not None:
            yield gap(res, msg + unknown(why))
        elif counted(res):
            yield gap(res, msg + " (count/for_each: not fixed automatically)")
        else:
            yield gap(res, msg, fix=_fixer(doc, res, attach, gtype, name_attr, family))


def _fixer(doc: TfDoc, res, attach: str, gtype: str, name_attr: str, family: str):
    def fix():
        items = [("name", companion_name(doc, res, name_attr, WORD)), ("family", quote(family)),
                 ("description", quote(description(family, res.labels[1])))]
        label, group = group_after(doc, res, gtype, items)
        return insert_attrs(doc, res, [(attach, f"{gtype}.{label}.name")], res.labels[0]) + [group]

    return fix
