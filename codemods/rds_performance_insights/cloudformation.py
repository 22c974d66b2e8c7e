"""rds_performance_insights for CloudFormation: no Performance Insights on DB instance
classes that lack it.

Checked: ``AWS::RDS::DBInstance`` resources — plain instances and Aurora cluster
members (``DBClusterIdentifier``) alike — whose ``DBInstanceClass`` is a literal in
``unsupported_classes`` (any case) and that set ``EnablePerformanceInsights: true``
(a literal). RDS rejects such an instance at deploy time.

The fix writes ``EnablePerformanceInsights: false`` (kept explicit, so the reader
sees the choice) and removes ``PerformanceInsightsRetentionPeriod`` and
``PerformanceInsightsKMSKeyId`` when present: RDS rejects them without Performance
Insights. A safe fix: the instance could not be deployed as written.

Not covered: a class or flag the template does not spell out (a parameter, a
``Mappings`` lookup, ``!If``); Performance Insights implied only by a retention
period or key (no ``EnablePerformanceInsights``); an instance with
``DatabaseInsightsMode`` (Database Insights needs Performance Insights: turning it
off is a decision about that mode too); ``AWS::RDS::DBCluster``
(``PerformanceInsightsEnabled`` applies to Multi-AZ DB clusters, whose
``DBClusterInstanceClass`` values are never the small burstable classes).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation import gap
from iacfix.codemods.lang.cloudformation import matches
from iacfix.transforms.cloudformation import is_map, intrinsic, scalar

DROPPED = ("PerformanceInsightsRetentionPeriod", "PerformanceInsightsKMSKeyId")


def detect(doc, ctx):
    unsupported = {c.lower() for c in ctx.params.get("unsupported_classes") or ()}
    for res in doc.resources():
        if res.type != "AWS::RDS::DBInstance":
            continue
        props = res.properties
        if not is_map(props) or intrinsic(props) or res.prop("DatabaseInsightsMode") is not None:
            continue
        cls = scalar(res.prop("DBInstanceClass"))
        flag = res.prop("EnablePerformanceInsights")
        if cls is None or cls.lower() not in unsupported or flag is None or matches(flag, True) is not True:
            continue
        dropped = [p for p in DROPPED if res.prop(p) is not None]
        msg = f"RDS instance '{res.name}' enables Performance Insights, which {cls} does not support"
        yield gap(doc, res, msg, fix=_fixer(doc, props, flag, dropped))


def _fixer(doc, props, flag, dropped):
    def fix():
        return [doc.replace_value(flag, False)] + [doc.remove_from_mapping(props, p) for p in dropped]

    return fix
