"""api_cors for Pulumi Python, only in a program whose APIs browsers call (``frontend``):
``aws.apigatewayv2.Api`` (HTTP) gets ``cors_configuration=aws.apigatewayv2.ApiCorsConfigurationArgs(...)``
(the spec's rule); an ``aws.apigateway.RestApi`` without ``body`` and without an OPTIONS
``aws.apigateway.Method`` on it in the program is reported (no fix)."""

from __future__ import annotations

from iacfix.codemods.api_cors import CODEMOD, REST_ADVICE, RULES
from iacfix.codemods.api_cors.frontend import serves_browsers
from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.lang import pulumi as lang
from iacfix.core import Gap

_rules = lang.detector(RULES, CODEMOD.slug)


def detect(doc, ctx):
    if not serves_browsers(doc, ctx):
        return
    if _rules is not None:
        yield from _rules(doc, ctx)
    preflighted = set()
    for _path, d in ctx.module(doc):
        for m in pc.aws_calls(d, "apigateway.Method"):
            if pc.literal(pc.kw_value(m, "http_method")) == "OPTIONS":
                preflighted |= {r.split(".")[0] for r in pc.references(d, pc.kw_value(m, "rest_api"))}
    for api in pc.aws_calls(doc, "apigateway.RestApi"):
        if pc.has_splat(api) or pc.kw_value(api, "body") is not None or pc.var(api) in preflighted:
            continue
        yield Gap(**pc.where(api), resource_type=pc.rtype(api), resource_name=pc.label(api),
                  message=f"REST API '{pc.display(api)}' answers no CORS preflight ({REST_ADVICE})")
