"""ecs_container_insights for CloudFormation: ``AWS::ECS::Cluster`` resources have Container Insights.

Checked: a ``ClusterSettings`` entry ``{Name: containerInsights, Value: enabled}``
(``enhanced`` includes it). No ``ClusterSettings`` → the fix adds the list with that
entry; a list without it → the entry is appended (in the list's block or flow
style); the entry without ``Value`` → ``Value: enabled`` is added into it;
``Value: disabled`` → unsafe finding, replaced with ``--unsafe-fixes``. A value, an
entry name or a list from a parameter or other intrinsic → no finding.
Not covered: the account-level default (``aws ecs put-account-setting-default``),
which CloudFormation cannot express.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Entry, Exactly, required

detect = required(
    "AWS::ECS::Cluster",
    {"ClusterSettings": Entry("Name", "containerInsights",
                              {"Value": Exactly("enabled", "Container Insights", also=("enhanced",))},
                              "Container Insights")},
    what="ECS cluster",
    slug="ecs-container-insights",
    wrong_msg="{what} '{name}' has Container Insights disabled ({setting})",
)
