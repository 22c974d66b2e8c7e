"""CDK: the arguments lambda-tracing and api-access-logging add go where they go
whichever codemod runs first (the CDK adapter's placement by spec.ORDER)."""

from __future__ import annotations

import itertools

import pytest

import iacfix.codemods as codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText

from tests.shared import OWNER_PARAMS

BY_SLUG = {c.slug: c for c in codemods.CATALOG}

FUNCTION = '''from aws_cdk import Stack, aws_lambda as _lambda


class S(Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        _lambda.Function(
            self,
            "Fn",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("src"),
        )
'''

REST_API = '''from aws_cdk import Stack, aws_apigateway as apigateway


class S(Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        api = apigateway.RestApi(
            self,
            "Api",
            deploy_options=apigateway.StageOptions(stage_name="prod"),
        )
        api.root.add_method("ANY", apigateway.MockIntegration())
'''


def _fix(text, slugs):
    res = process_source(
        SourceText.from_string(text), "cdk", "x.py", Settings(codemods=[BY_SLUG[s] for s in slugs], fix=True, params=OWNER_PARAMS)
    )
    assert res.error is None and not res.failed
    return res.new if res.new is not None else text


@pytest.mark.parametrize(
    "text,slugs,order",
    [
        (FUNCTION, ("lambda-tracing", "lambda-limits", "log-retention"),
         ["timeout=", "memory_size=", "log_group=", "tracing="]),
        (REST_API, ("api-access-logging", "api-throttling", "api-tracing"),
         ["access_log_destination=", "access_log_format=", "tracing_enabled=", "throttling_rate_limit="]),
    ],
)
def test_same_result_in_any_order(text, slugs, order):
    together = _fix(text, slugs)
    for perm in itertools.permutations(slugs):
        t = text
        for s in perm:
            t = _fix(t, [s])
        assert t == together, perm
    positions = [together.index(k) for k in order]
    assert positions == sorted(positions)
