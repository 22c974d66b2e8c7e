"""The JSON access-log formats iacfix writes: one line per request, the same fields in every language.

The values are API Gateway's ``$context`` variables. REST (v1) stages log the
resource path; HTTP and WebSocket (v2) stages log the route key.
"""

from __future__ import annotations

import json
from typing import Dict

REST: Dict[str, str] = {
    "requestId": "$context.requestId",
    "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime",
    "httpMethod": "$context.httpMethod",
    "resourcePath": "$context.resourcePath",
    "status": "$context.status",
    "protocol": "$context.protocol",
    "responseLength": "$context.responseLength",
}

HTTP: Dict[str, str] = {
    "requestId": "$context.requestId",
    "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime",
    "httpMethod": "$context.httpMethod",
    "routeKey": "$context.routeKey",
    "status": "$context.status",
    "protocol": "$context.protocol",
    "responseLength": "$context.responseLength",
}


def one_line(fields: Dict[str, str]) -> str:
    """The format as a compact JSON string (what the stage's Format property holds)."""
    return json.dumps(fields, separators=(",", ":"))
