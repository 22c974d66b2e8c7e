"""rds_parameter_group for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): database instances and clusters have a parameter group.

An ``rds.DatabaseInstance`` / ``DatabaseInstanceFromSnapshot`` and an ``rds.DatabaseCluster``
/ ``DatabaseClusterFromSnapshot`` / ``ServerlessCluster`` without ``parameter_group`` (or
``parameters``, from which CDK makes a group) run on the default group of their family. The
fix gives them one made from their own engine expression, which CDK derives the family from:

    reporting_db_parameter_group = rds.ParameterGroup(
        self,
        "ReportingDbParameterGroup",
        engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
    )
    reporting_db = rds.DatabaseInstance(..., parameter_group=reporting_db_parameter_group)

(Go: ``awsrds.NewParameterGroup(stack, jsii.String("ReportingDbParameterGroup"),
&awsrds.ParameterGroupProps{Engine: <the same expression>})`` and ``ParameterGroup:``.) CDK
describes the group itself and, for a cluster, makes it a DB cluster parameter group.
The engine must name its version as a member of the engine's version class
(``version=rds.PostgresEngineVersion.VER_16_4``): an engine without a version (CDK cannot make
a parameter group for it), a version that is a variable or a call, and an engine built
elsewhere are reported without a fix, and so are the L1 ``CfnDBInstance`` / ``CfnDBCluster``.
"""

from __future__ import annotations

import re

from iacfix.codemods.common.aws import rds_parameter_group_family
from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.cdk.render import Code
from iacfix.codemods.lang.view import New
from iacfix.codemods.rds_parameter_group import CLUSTER, INSTANCE, message, unknown
from iacfix.codemods.spec import ABSENT, UNKNOWN

RDS = "aws_cdk.aws_rds"
INSTANCES = (f"{RDS}.DatabaseInstance", f"{RDS}.DatabaseInstanceFromSnapshot")
CLUSTERS = (f"{RDS}.DatabaseCluster", f"{RDS}.DatabaseClusterFromSnapshot", f"{RDS}.ServerlessCluster")
L1 = {f"{RDS}.CfnDBInstance": (INSTANCE, "db_parameter_group_name"),
      f"{RDS}.CfnDBCluster": (CLUSTER, "db_cluster_parameter_group_name")}
PARAMETER_GROUP = f"{RDS}.ParameterGroup"

# engine factory → (the engine's AWS name, the class of its versions)
INSTANCE_ENGINES = {
    "postgres": ("postgres", "PostgresEngineVersion"),
    "mysql": ("mysql", "MysqlEngineVersion"),
    "maria_db": ("mariadb", "MariaDbEngineVersion"),
    "oracle_ee": ("oracle-ee", "OracleEngineVersion"),
    "oracle_se2": ("oracle-se2", "OracleEngineVersion"),
    "sql_server_ee": ("sqlserver-ee", "SqlServerEngineVersion"),
    "sql_server_se": ("sqlserver-se", "SqlServerEngineVersion"),
    "sql_server_ex": ("sqlserver-ex", "SqlServerEngineVersion"),
    "sql_server_web": ("sqlserver-web", "SqlServerEngineVersion"),
}
CLUSTER_ENGINES = {
    "aurora_postgres": ("aurora-postgresql", "AuroraPostgresEngineVersion"),
    "aurora_mysql": ("aurora-mysql", "AuroraMysqlEngineVersion"),
}


def _version(engine: str, member: str):
    """``VER_15_4`` → "15.4"; Aurora MySQL ``VER_3_05_2`` → "8.0" (version 3 is MySQL 8.0)."""
    parts = re.findall(r"\d+", member)
    if not parts:
        return None
    if engine == "aurora-mysql":
        return {"3": "8.0", "2": "5.7"}.get(parts[0])
    return ".".join(parts)


def _engine(c, factories: str, engines: dict):
    """(family or None, None) when the engine names its version, else (None, why not)."""
    for method, (name, versions) in engines.items():
        props = c.struct("engine", f"{RDS}.{factories}.{method}")
        if props is ABSENT or props is UNKNOWN:
            continue
        if not props.has("version"):
            return None, "its engine names no version (CDK cannot make a parameter group for it)"
        member = props.member("version", f"{RDS}.{versions}")
        if member is None:
            return None, "its engine's version is not a member of " + versions
        version = _version(name, member)
        return (rds_parameter_group_family(name, version) if version else None), None
    if not c.has("engine"):
        return None, "it does not name its engine"
    if c.member("engine", f"{RDS}.{factories}") is not None:
        return None, "its engine names no version (CDK cannot make a parameter group for it)"
    return None, "its engine is made elsewhere, where iacfix cannot read its version"


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    for c in f.constructs(*INSTANCES, *CLUSTERS, *L1):
        if c.opaque:
            continue
        if c.qualname in L1:
            what, prop = L1[c.qualname]
            if c.has(prop):
                continue
            yield c.gap(message(what, c.name) + " (an L1 construct: give it a CfnDBParameterGroup by hand)", None)
            continue
        if c.has("parameter_group") or c.has("parameters"):
            continue
        cluster = c.qualname in CLUSTERS
        what = CLUSTER if cluster else INSTANCE
        family, why = _engine(c, "DatabaseClusterEngine" if cluster else "DatabaseInstanceEngine",
                              CLUSTER_ENGINES if cluster else INSTANCE_ENGINES)
        if why is not None:
            yield c.gap(message(what, c.name) + unknown(why), None)
            continue
        fix = c.fixer(lambda c=c: _fix(c)) if c.can_add_companion else None
        yield c.gap(message(what, c.name, family), fix)


def _fix(c):
    group = New(PARAMETER_GROUP, (("engine", Code(c.value_source("engine"))),))
    return c.add_companion("parameter_group", group, "ParameterGroup", ())
