"""api_cors for Terraform: ``aws_apigatewayv2_api`` (HTTP) gets a ``cors_configuration``
block (the spec's rule); an ``aws_api_gateway_rest_api`` without an OPTIONS method in the
module is reported (it needs OPTIONS methods with mock integrations: no fix). Only in a
module whose APIs browsers call (``frontend``)."""

from __future__ import annotations

from iacfix.codemods.api_cors import CODEMOD, REST_ADVICE, RULES
from iacfix.codemods.api_cors.frontend import serves_browsers
from iacfix.codemods.common.terraform import gap
from iacfix.codemods.lang.terraform import rule_detector
from iacfix.transforms.terraform import literal, references

_rules = [d for d in (rule_detector(r, CODEMOD.slug) for r in RULES) if d is not None]


def detect(doc, ctx):
    if not serves_browsers(doc, ctx):
        return
    for d in _rules:
        yield from d(doc, ctx)
    preflighted = set()
    for _path, d in ctx.module(doc):
        for m in d.resources("aws_api_gateway_method"):
            method, api = m.attr("http_method"), m.attr("rest_api_id")
            if method is not None and api is not None and literal(method.value) == "OPTIONS":
                preflighted |= {n for t, n in references(api.value) if t == "aws_api_gateway_rest_api"}
    for api in doc.resources("aws_api_gateway_rest_api"):
        if api.attr("body") is not None or api.labels[1] in preflighted:
            continue  # an OpenAPI body says its own CORS; an OPTIONS method is the author's preflight
        yield gap(api, f"REST API '{api.labels[1]}' answers no CORS preflight ({REST_ADVICE})")
