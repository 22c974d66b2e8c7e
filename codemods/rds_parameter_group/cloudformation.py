"""rds_parameter_group for CloudFormation: DB instances and DB clusters have a parameter group.

An ``AWS::RDS::DBInstance`` (not an instance of a cluster: no ``DBClusterIdentifier``)
without ``DBParameterGroupName`` and an ``AWS::RDS::DBCluster`` without
``DBClusterParameterGroupName`` run on the default group of their family. The fix writes a
group of the family of their ``Engine`` and ``EngineVersion`` (literals) right after them,
with their Condition and tags:

    OrdersDbParameterGroup:
      Type: AWS::RDS::DBParameterGroup
      Properties:
        DBParameterGroupName: !Sub orders-params-${EnvironmentSuffix}
        Family: postgres15
        Description: postgres15 parameters of OrdersDb

named after the database's ``DBInstanceIdentifier`` / ``DBClusterIdentifier`` with
``-params`` where it has one (else CloudFormation names it, as it names the database), and
attaches it (``DBParameterGroupName: !Ref OrdersDbParameterGroup``; an
``AWS::RDS::DBClusterParameterGroup`` and ``DBClusterParameterGroupName`` for a cluster,
with the ``Parameters: {}`` that resource type requires, as CDK writes it).

Reported without a fix: an engine or engine version that is not a literal or is absent (a
read replica's engine is its source's), a version iacfix cannot place in a family.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import rds_parameter_group_family
from iacfix.codemods.common.cloudformation import derived_name, engine_family, gap, group_after
from iacfix.codemods.lang.cloudformation import add_properties
from iacfix.codemods.rds_parameter_group import CLUSTER, INSTANCE, WORD, description, message, unknown
from iacfix.transforms.cloudformation import CfnDoc, Ref, is_map, is_null

# resource type → (what, the property attaching a group, the group's type, the group's name
# property, the database's name property)
TYPES = {
    "AWS::RDS::DBInstance": (INSTANCE, "DBParameterGroupName", "AWS::RDS::DBParameterGroup",
                             "DBParameterGroupName", "DBInstanceIdentifier"),
    "AWS::RDS::DBCluster": (CLUSTER, "DBClusterParameterGroupName", "AWS::RDS::DBClusterParameterGroup",
                            "DBClusterParameterGroupName", "DBClusterIdentifier"),
}


def _present(res, name: str) -> bool:
    v = res.prop(name)
    return v is not None and not is_null(v)


def _no_engine(res) -> str:
    if _present(res, "SourceDBInstanceIdentifier"):
        return "a read replica takes its engine from its source"
    return "it does not name its engine"


def detect(doc: CfnDoc, ctx):
    for res in doc.resources():
        if res.type not in TYPES or not is_map(res.properties):
            continue
        what, attach, gtype, gname, name_prop = TYPES[res.type]
        if _present(res, attach) or (res.type == "AWS::RDS::DBInstance" and _present(res, "DBClusterIdentifier")):
            continue
        family, why = engine_family(res, rds_parameter_group_family, no_engine=_no_engine(res))
        msg = message(what, res.name, family)
        if why is not None:
            yield gap(doc, res, msg + unknown(why))
        else:
            yield gap(doc, res, msg, fix=_fixer(doc, res, attach, gtype, gname, name_prop, family))


def _fixer(doc: CfnDoc, res, attach: str, gtype: str, gname: str, name_prop: str, family: str):
    def fix():
        props = {}
        name = derived_name(res.prop(name_prop), WORD)
        if name is not None:
            props[gname] = name
        props["Family"] = family
        props["Description"] = description(family, res.name)
        if gtype == "AWS::RDS::DBClusterParameterGroup":
            props["Parameters"] = {}  # required by the resource type: none set (what CDK writes too)
        gid, group = group_after(doc, res, gtype, props)
        return [add_properties(doc, res, [(attach, Ref(gid))]), group]

    return fix
