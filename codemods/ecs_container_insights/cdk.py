"""ecs_container_insights for AWS CDK v2 Python.

``ecs.Cluster`` gets ``container_insights_v2=ecs.ContainerInsights.ENABLED``
(``ENHANCED`` is compliant too), or ``container_insights=True`` when the cluster
or another call in the file already uses that keyword (deprecated in current
aws-cdk-lib, checked on 2.275, but the only one older versions know; both synthesise
``ClusterSettings: [{Name: containerInsights, Value: enabled}]``).
``ecs.CfnCluster`` gets a ``CfnCluster.ClusterSettingsProperty(name="containerInsights",
value="enabled")`` entry in ``cluster_settings``, appended to an existing list.
An explicit ``False`` / ``DISABLED`` / ``"disabled"`` is an unsafe finding; a
value the file cannot know (or a settings list it cannot read) is left alone.

Not covered: clusters imported with ``from_cluster_attributes`` (not created here)
and the account-level ``containerInsights`` default.
"""

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk_properties import Entry, Exactly, Member, Prop, required_properties

ECS = "aws_cdk.aws_ecs"
LABEL = "Container Insights"
V2 = Prop(
    "container_insights_v2",
    Exactly(Member(f"{ECS}.ContainerInsights.ENABLED"), accept=(Member(f"{ECS}.ContainerInsights.ENHANCED"),)),
    LABEL,
)
V1 = Prop("container_insights", Exactly(True), LABEL)
SETTINGS = Prop(
    "cluster_settings",
    Entry(
        f"{ECS}.CfnCluster.ClusterSettingsProperty",
        ("name", "containerInsights"),
        {"value": Exactly("enabled", accept=("enhanced",))},
    ),
    LABEL,
)


def _cluster(doc, site, params):
    if site.kwarg(V2.name) is not None:
        return [V2]
    if site.kwarg(V1.name) is not None or _file_uses(doc, V1.name):
        return [V1]
    return [V2]


def _file_uses(doc, keyword) -> bool:
    return any(isinstance(n, cst.Arg) and n.keyword is not None and n.keyword.value == keyword for n in common.walk(doc.module))


detect = required_properties({f"{ECS}.Cluster": _cluster, f"{ECS}.CfnCluster": [SETTINGS]}, kind="ECS cluster")
