"""rds_parameter_group for Pulumi Python: ``rds.Instance`` and ``rds.Cluster`` have a parameter group.

An ``aws.rds.Instance`` without ``parameter_group_name`` and an ``aws.rds.Cluster`` without
``db_cluster_parameter_group_name`` run on the default group of their family. The fix
creates a group of the family of their ``engine`` (a literal or ``aws.rds.EngineType``) and
``engine_version`` right before them, with their tags and parent/provider:

    orders_db_params = aws.rds.ParameterGroup(
        "orders-db-params",
        name=f"orders-params-{environment_suffix}",
        family="postgres15",
        description="postgres15 parameters of orders_db",
    )

and attaches it (``parameter_group_name=orders_db_params.name``; an
``aws.rds.ClusterParameterGroup`` and ``db_cluster_parameter_group_name`` for a cluster).
The group is named after the database's ``identifier`` / ``cluster_identifier`` where it has
one, else Pulumi auto-names it, as it does the database.

Reported without a fix: an engine or engine version that is not a literal or is absent (a
read replica's engine is its source's), a version iacfix cannot place in a family.
``rds.ClusterInstance`` is not reported: its cluster's parameter group governs it.
"""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.aws import rds_parameter_group_family
from iacfix.codemods.lang import pulumi as lang
from iacfix.codemods.rds_parameter_group import CLUSTER, INSTANCE, WORD, description, message, unknown
from iacfix.core import Gap
from iacfix.transforms import python as py

# class → (what, the keyword attaching a group, the group's class, the name keyword)
TYPES = {
    "rds.Instance": (INSTANCE, "parameter_group_name", "rds.ParameterGroup", "identifier"),
    "rds.Cluster": (CLUSTER, "db_cluster_parameter_group_name", "rds.ClusterParameterGroup", "cluster_identifier"),
}


def _no_engine(site) -> str:
    if pc.present(site, "replicate_source_db"):
        return "a read replica takes its engine from its source"
    return "it does not name its engine"


def detect(doc, ctx):
    for cls, (what, attach, group, name_kw) in TYPES.items():
        for site in pc.aws_calls(doc, cls):
            if pc.has_splat(site) or pc.present(site, attach):
                continue
            family, why = pc.engine_family(site, rds_parameter_group_family, no_engine=_no_engine(site))
            msg = message(what, pc.display(site), family)
            fix = None
            if why is not None:
                msg += unknown(why)
            elif pc.standalone(site):
                fix = (lambda site=site, cls=cls, attach=attach, group=group, name_kw=name_kw, family=family:
                       _fix(doc, site, cls, attach, group, name_kw, family))
            yield Gap(**pc.where(site), resource_type=pc.rtype(site), resource_name=pc.label(site),
                      message=msg, fix=fix)


def _fix(doc, site, cls: str, attach: str, group: str, name_kw: str, family: str):
    like = pc.name_node(site)
    args = [("family", py.Code(py.str_code(doc, family, like))),
            ("description", py.Code(py.str_code(doc, description(family, pc.label(site)), like)))]
    var, edits = pc.group_before(doc, site, group, name_kw, WORD, args)
    edits += lang.add_kwargs(doc, pc.props_call(site), cls, [(attach, py.Code(f"{var}.name"))])
    return py.dedupe(edits)
