"""dynamodb_pitr for AWS CDK v2 Python.

``dynamodb.Table`` / ``dynamodb.TableV2`` get point-in-time recovery in the form
the file already uses: ``point_in_time_recovery=True`` when the construct or
another call in the file uses that (older) keyword, else
``point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True)``
(the current form: ``point_in_time_recovery`` is deprecated in current aws-cdk-lib,
checked on 2.275, and a project on a CDK too old for the specification shows it
by using the old keyword). An
existing specification gets the missing field merged in. ``dynamodb.CfnTable``
gets ``point_in_time_recovery_specification=dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty(point_in_time_recovery_enabled=True)``.
An explicit False is an unsafe finding; a value the file cannot know is left alone.

Not covered: ``CfnGlobalTable`` and ``TableV2`` replicas (recovery is set per
replica there), and ``recovery_period_in_days`` (the 35-day default is kept).
"""

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk_properties import Exactly, Prop, Struct, required_properties

DDB = "aws_cdk.aws_dynamodb"
LABEL = "point-in-time recovery"
ENABLED = {"point_in_time_recovery_enabled": Exactly(True)}
SPEC = Prop("point_in_time_recovery_specification", Struct(f"{DDB}.PointInTimeRecoverySpecification", ENABLED), LABEL)
FLAG = Prop("point_in_time_recovery", Exactly(True), LABEL)
CFN_SPEC = Prop(
    "point_in_time_recovery_specification",
    Struct(f"{DDB}.CfnTable.PointInTimeRecoverySpecificationProperty", ENABLED),
    LABEL,
)


def _l2(doc, site, params):
    if site.kwarg(SPEC.name) is not None:
        return [SPEC]
    if site.kwarg(FLAG.name) is not None or _file_uses(doc, FLAG.name):
        return [FLAG]
    return [SPEC]


def _file_uses(doc, keyword) -> bool:
    return any(isinstance(n, cst.Arg) and n.keyword is not None and n.keyword.value == keyword for n in common.walk(doc.module))


detect = required_properties(
    {f"{DDB}.Table": _l2, f"{DDB}.TableV2": _l2, f"{DDB}.CfnTable": [CFN_SPEC]},
    kind="DynamoDB table",
)
