"""ecs-container-insights for Pulumi Python: ``ecs.Cluster`` has Container Insights on.

The ``settings`` list must hold a ``containerInsights`` entry with the value
``enabled`` (or ``enhanced``, the newer, finer-grained level). Missing list →
``settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")]``
is added; a list without the entry gets it appended, written like the list's
other entries (``ClusterSettingArgs(...)`` or a dict); ``value="disabled"`` →
reported as unsafe (replaced with ``--unsafe-fixes``). A list or value the
detector cannot read (a variable, a spread, a call) → no finding.

Not covered: account-level defaults (``ecs.AccountSettingDefault`` with
``containerInsights``), which apply to clusters created later and are not
visible from a cluster.
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Entry, Exactly, required

detect = required(
    "ecs.Cluster",
    {
        "settings": Entry(
            "ecs.ClusterSettingArgs",
            "name",
            "containerInsights",
            {"value": Exactly("enabled", "Container Insights", also=("enhanced",))},
            label="Container Insights",
        )
    },
    what="ECS cluster",
    detail="ecs-container-insights",
)
