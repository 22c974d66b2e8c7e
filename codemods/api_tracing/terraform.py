"""api_tracing for Terraform: REST API stages (``aws_api_gateway_stage``) trace with X-Ray.

Checked: ``xray_tracing_enabled = true``. Missing (or ``null``) → the fix adds
``xray_tracing_enabled = true`` after the stage's other arguments;
``xray_tracing_enabled = false`` → unsafe finding, replaced with
``--unsafe-fixes``; a variable or any non-literal → no finding.
Not covered: HTTP/WebSocket stages (``aws_apigatewayv2_stage``: API Gateway v2
does not support X-Ray); tracing in the functions behind the API
(``tracing_config`` of ``aws_lambda_function``); X-Ray sampling rules.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Exactly, required

detect = required(
    "aws_api_gateway_stage",
    {"xray_tracing_enabled": Exactly(True, "X-Ray tracing")},
    what="API stage",
    slug="api-tracing",
    wrong_msg="{what} '{name}' has X-Ray tracing disabled ({setting})",
)
