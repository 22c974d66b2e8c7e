"""rds_performance_insights for AWS CDK v2 Go, as for CDK Python (``cdk.py``).

Checked: ``awsrds.NewDatabaseInstance`` (and ``...FromSnapshot``, ``...ReadReplica``), Aurora
cluster members ``awsrds.ClusterInstance_Provisioned(id, &awsrds.ProvisionedClusterInstanceProps{...})``,
the legacy ``&awsrds.InstanceProps{...}``, and ``awsrds.NewCfnDBInstance``. A finding needs
both a literal instance class in ``unsupported_classes`` — ``awsec2.NewInstanceType(jsii.String("t3.micro"))``,
``awsec2.InstanceType_Of(awsec2.InstanceClass_T3, awsec2.InstanceSize_MICRO)`` (the
``BURSTABLE*`` aliases too), which CDK prefixes with ``db.``, or the L1 ``DbInstanceClass:
jsii.String("db.t3.micro")`` — and ``EnablePerformanceInsights: jsii.Bool(true)``.

The fix writes ``EnablePerformanceInsights: jsii.Bool(false)`` and removes
``PerformanceInsightRetention`` / ``PerformanceInsightEncryptionKey`` (L1
``PerformanceInsightsRetentionPeriod`` / ``PerformanceInsightsKmsKeyId``), realigning what
remains as gofmt does. Not covered, as in CDK Python: a class or flag the file does not spell
out; ``DatabaseInsightsMode``; a ``DatabaseCluster``'s own settings.
"""

from __future__ import annotations

from typing import Optional

from iacfix.codemods.common import go as common
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.codemods.rds_performance_insights.cdk import CLASS_ALIASES, _size
from iacfix.core import Gap
from iacfix.transforms.go import JSII, _walk_type

RDS = "github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
EC2 = "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
INSTANCES = {"NewDatabaseInstance": "DatabaseInstanceProps",
             "NewDatabaseInstanceFromSnapshot": "DatabaseInstanceFromSnapshotProps",
             "NewDatabaseInstanceReadReplica": "DatabaseInstanceReadReplicaProps"}
L2_DROP = ("PerformanceInsightRetention", "PerformanceInsightEncryptionKey")
CFN_DROP = ("PerformanceInsightsRetentionPeriod", "PerformanceInsightsKmsKeyId")


def _member(doc, node, enum: str) -> Optional[str]:
    sel = doc.selector(node)
    if sel is None or sel[0] != EC2 or not sel[1].startswith(enum + "_"):
        return None
    return sel[1][len(enum) + 1:]


def instance_class(doc, node) -> Optional[str]:
    """``db.t3.micro`` for an instance type the file spells out, else None."""
    if node is None or node.type != "call_expression":
        return None
    sel = doc.selector(node.child_by_field_name("function"))
    args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
    if sel == (EC2, "NewInstanceType") and len(args) == 1:
        s = literal(doc, args[0])
        if not isinstance(s, str):
            return None
        return s if s.startswith("db.") else f"db.{s}"
    if sel == (EC2, "InstanceType_Of") and len(args) == 2:
        cls, size = _member(doc, args[0], "InstanceClass"), _member(doc, args[1], "InstanceSize")
        if cls is None or size is None:
            return None
        return f"db.{CLASS_ALIASES.get(cls, cls.lower())}.{_size(size)}"
    return None


def _members(doc):
    """(name, node for the finding's position, props literal, L1?) of every checked construct."""
    out = []
    for site in doc.calls():
        if site.path != RDS:
            continue
        if site.func in INSTANCES and len(site.args) == 3:
            lit = doc.literal(site.args[2])
            if lit is not None and (lit.type_path, lit.type_name) == (RDS, INSTANCES[site.func]):
                out.append((common.name_of(site), site, lit, False))
        elif site.func == "NewCfnDBInstance" and len(site.args) == 3:
            lit = doc.literal(site.args[2])
            if lit is not None and (lit.type_path, lit.type_name) == (RDS, "CfnDBInstanceProps"):
                out.append((common.name_of(site), site, lit, True))
        elif site.func == "ClusterInstance_Provisioned" and len(site.args) == 2:
            lit = doc.literal(site.args[1])
            if lit is None or (lit.type_path, lit.type_name) != (RDS, "ProvisionedClusterInstanceProps"):
                continue
            own = literal(doc, site.args[0])
            own = own if isinstance(own, str) else "instance"
            cluster = _cluster_of(doc, site.call)
            out.append((f"{cluster}/{own}" if cluster else own, site, lit, False))
    for node in _walk_type(doc.tree.root_node, "composite_literal"):
        lit = doc.literal(node)
        if lit is not None and (lit.type_path, lit.type_name) == (RDS, "InstanceProps"):
            cluster = _cluster_of(doc, node)
            out.append((f"{cluster}/instance" if cluster else "instance", None, lit, False))
    return out


def _cluster_of(doc, node) -> Optional[str]:
    cur = node.parent
    while cur is not None:
        if cur.type == "call_expression":
            site = next((s for s in doc.calls() if s.call == cur), None)
            if site is not None and (site.path, site.func) == (RDS, "NewDatabaseCluster"):
                return common.name_of(site)
        cur = cur.parent
    return None


def detect(doc, ctx):
    unsupported = set(ctx.params["unsupported_classes"])
    for name, site, lit, l1 in _members(doc):
        if not lit.plain or lit.field("DatabaseInsightsMode") is not None:
            continue
        flag = lit.field("EnablePerformanceInsights")
        if flag is None or literal(doc, flag.value) is not True:
            continue
        if l1:
            f = lit.field("DbInstanceClass")
            cls = literal(doc, f.value) if f is not None else None
            drop = CFN_DROP
        else:
            f = lit.field("InstanceType")
            cls = instance_class(doc, f.value) if f is not None else None
            drop = L2_DROP
        if cls not in unsupported:
            continue
        at = site.call if site is not None else lit.outer
        yield Gap(
            line=at.start_point[0] + 1,
            column=doc.column(doc.start(at)),
            end_line=at.end_point[0] + 1,
            resource_type=f"{doc.name_for(RDS)}.{_kind(site)}",
            resource_name=name,
            message=f"RDS instance '{name}' enables Performance Insights on {cls}, which does not support it",
            fix=lambda lit=lit, flag=flag, drop=drop: _fix(doc, lit, flag, drop),
        )


def _kind(site) -> str:
    if site is None:
        return "InstanceProps"
    return site.func[len("New"):] if site.func.startswith("New") else site.func.replace("_", ".")


def _fix(doc, lit, flag, drop):
    r = Renderer(doc)
    edits = doc.replace(flag.value, f"{r.pkg(JSII)}.Bool(false)")
    edits += doc.remove_fields(lit, [lit.field(k) for k in drop if lit.field(k) is not None])
    return r.import_edits() + edits
