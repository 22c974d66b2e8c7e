"""api-tracing for Pulumi Python: REST API stages (``apigateway.Stage``) trace with X-Ray.

Missing → ``xray_tracing_enabled=True`` is added; ``xray_tracing_enabled=False``
→ reported as unsafe (replaced with ``--unsafe-fixes``); a value from a
variable or config → no finding.

Not covered: ``apigatewayv2.Stage`` (HTTP and WebSocket APIs do not support
X-Ray) and the stage a ``apigateway.Deployment`` creates through its
``stage_name`` (deprecated; no tracing setting there).
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Exactly, required

detect = required(
    "apigateway.Stage",
    {"xray_tracing_enabled": Exactly(True, "X-Ray tracing")},
    what="API stage",
    detail="api-tracing",
)
