"""ecs_container_insights for Terraform: ``aws_ecs_cluster`` resources have Container Insights.

Checked: a ``setting`` block with ``name = "containerInsights"`` and ``value``
``"enabled"`` (or ``"enhanced"``, which includes it). No such setting → the fix
adds ``setting { name = "containerInsights" value = "enabled" }`` after the
cluster's other arguments and blocks (before tags/lifecycle); a setting without
``value`` → ``value = "enabled"`` is added into it; ``value = "disabled"`` → unsafe
finding, replaced with ``--unsafe-fixes``. A variable value, a setting whose
name cannot be read, or a ``dynamic "setting"`` block → no finding.
Not covered: account-level defaults (``aws_ecs_account_setting_default``
``containerInsights``), which apply to clusters created without the setting.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Entry, Exactly, required

detect = required(
    "aws_ecs_cluster",
    {"setting": Entry("name", "containerInsights", {"value": Exactly("enabled", also=("enhanced",))},
                      "Container Insights")},
    what="ECS cluster",
    slug="ecs-container-insights",
    wrong_msg="{what} '{name}' has Container Insights disabled ({setting})",
)
