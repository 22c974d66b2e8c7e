"""api_cors for CloudFormation and SAM, only in a template whose APIs browsers call
(``frontend``):

- ``AWS::ApiGatewayV2::Api`` (HTTP): ``CorsConfiguration`` (the spec's rule);
- ``AWS::Serverless::HttpApi``, and the HTTP API SAM makes for function events
  (``Globals: HttpApi``): ``CorsConfiguration``, the same fields;
- ``AWS::Serverless::Api``, and the REST API SAM makes for function events
  (``Globals: Api``): ``Cors`` with SAM's quoted values (``AllowOrigin: "'https://...'"``),
  from which SAM adds the OPTIONS methods. SAM allows one origin: with several configured
  it is reported only. ``AllowMethods`` is left to SAM (the path's methods) when
  allow-methods is ``["*"]``;
- ``AWS::ApiGateway::RestApi`` without ``Body``/``BodyS3Location`` and without an OPTIONS
  method in the template: reported (no fix).
"""

from __future__ import annotations

from iacfix.codemods.api_cors import CODEMOD, FIELDS, HTTP_API, REST_ADVICE
from iacfix.codemods.api_cors.frontend import serves_browsers
from iacfix.codemods.common.cloudformation import gap
from iacfix.codemods.lang.cloudformation import rule_detector
from iacfix.codemods.spec import Absent, Explicit, Hook, Nested, Rule
from iacfix.transforms.cloudformation import get, refs_in, scalar

SAM_HTTP_API = Rule(("apigatewayv2.Stage",), {"cors_configuration": Nested(FIELDS, label="CORS configuration")},
                    what="HTTP API", when=Absent("cors_configuration"), detail="sam-http-api")
SAM_API = Rule(
    ("apigateway.Stage",),
    {"cors": Nested({
        "allow_methods": Explicit(Hook("methods"), label="allowed methods"),
        "allow_headers": Explicit(Hook("headers"), label="allowed headers"),
        "allow_origin": Explicit(Hook("origin"), label="allowed origin"),
    }, label="CORS configuration")},
    what="REST API", when=Absent("cors"), detail="sam-api",
)


def _quoted(items):
    return "'" + ",".join(items) + "'"


def _origin(doc, res, ctx):
    origins = ctx.params.get("allow_origins") or []
    return _quoted(origins) if len(origins) == 1 else None


def _methods(doc, res, ctx):
    methods = ctx.params.get("allow_methods") or []
    return None if methods == ["*"] else _quoted(methods)


def _headers(doc, res, ctx):
    return _quoted(ctx.params.get("allow_headers") or []) if ctx.params.get("allow_headers") else None


_HOOKS = {"origin": _origin, "methods": _methods, "headers": _headers}
_rules = [d for d in (rule_detector(HTTP_API, CODEMOD.slug), rule_detector(SAM_HTTP_API, CODEMOD.slug),
                      rule_detector(SAM_API, CODEMOD.slug, hooks=_HOOKS)) if d is not None]


def detect(doc, ctx):
    if not serves_browsers(doc, ctx):
        return
    for d in _rules:
        for g in d(doc, ctx):
            if g.detail == "sam-api" and len(ctx.params.get("allow_origins") or []) > 1:
                g.withhold("SAM's Cors takes one origin: configure one, or write the OPTIONS methods by hand")
            yield g
    preflighted = set()
    for res in doc.resources():
        if res.type == "AWS::ApiGateway::Method" and scalar(res.prop("HttpMethod")) == "OPTIONS":
            preflighted |= {r.split(".", 1)[0] for r in refs_in(res.prop("RestApiId"))}
    for res in doc.resources():
        if res.type != "AWS::ApiGateway::RestApi" or res.name in preflighted:
            continue
        if get(res.properties, "Body") is not None or get(res.properties, "BodyS3Location") is not None:
            continue  # an OpenAPI definition says its own CORS
        yield gap(doc, res, f"REST API '{res.name}' answers no CORS preflight ({REST_ADVICE})")
