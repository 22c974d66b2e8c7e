"""environment-suffix (cdk): the f-string it writes, and order independence with the
codemods that add keywords to, or name resources after, the constructs it renames."""

from __future__ import annotations

import pytest

import iacfix.codemods as codemods
from iacfix.codemods.environment_suffix.cdk import _fix
from iacfix.codemods.lang.cdk.view import File
from iacfix.core import apply_edits
from iacfix.engine import Settings
from iacfix.transforms.python import parse
from tests.test_compose import fix_with

BY_SLUG = {c.slug: c for c in codemods.CATALOG}
BASE = Settings(codemods=list(codemods.CATALOG), unsafe_fixes=True)


@pytest.mark.parametrize(
    "literal, expected",
    [
        ('"orders"', 'f"orders-{env}"'),
        ("'orders.fifo'", "f'orders-{env}.fifo'"),
        ('"orders_table"', 'f"orders_table_{env}"'),
        ('"alias/orders-key"', 'f"alias/orders-key-{env}"'),
        ('"ledger/{db}"', 'f"ledger/{{db}}-{env}"'),
        ("r'a-b'", "rf'a-b-{env}'"),
        ("'''x'''", "f'''x-{env}'''"),
    ],
)
def test_fstring(literal, expected):
    src = f"from aws_cdk import aws_sqs as sqs\n\nsqs.Queue(\n    self,\n    \"Q\",\n    queue_name={literal},\n)\n"
    queue, = File(parse(src, "cdk")).constructs("aws_cdk.aws_sqs.Queue")
    edits = queue.fixer(lambda: _fix(queue, "queue_name", queue.string_literal("queue_name"), "env"))()
    assert f"    queue_name={expected},\n" in apply_edits(src, edits)


STACK = '''from aws_cdk import Stack, aws_apigateway as apigw, aws_logs as logs, aws_sqs as sqs
from constructs import Construct


class S(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(self, "App", log_group_name=f"/app/{environment_suffix}")
        sqs.Queue(self, "Orders", queue_name="orders")
        sqs.Queue(self, "Events", queue_name="orders_events.fifo", fifo=True)
        api = apigw.RestApi(self, "Api", rest_api_name="orders-api")
        api.root.add_method("GET")
'''


@pytest.mark.parametrize("other", ["dead-letter-queue", "sqs-encryption", "api-access-logging", "required-tags"])
def test_order_independent(other):
    pair = [BY_SLUG["environment-suffix"], BY_SLUG[other]]
    together = fix_with(STACK, "cdk", pair, BASE)
    for order in (pair, pair[::-1]):
        text = STACK
        for cm in order:
            text = fix_with(text, "cdk", [cm], BASE)
        assert text == together, [c.slug for c in order]
    assert '"orders"' not in together and "environment_suffix}" in together


def test_no_suffix_reported_not_fixed():
    text = STACK.replace(", environment_suffix: str", "").replace('f"/app/{environment_suffix}"', '"/app"')
    assert fix_with(text, "cdk", [BY_SLUG["environment-suffix"]], BASE) == text


def test_cdk_v1_left_alone():
    v2 = "from aws_cdk import aws_sqs as sqs\n\n\ndef build(scope, environment_suffix):\n    sqs.Queue(scope, 'Q', queue_name='q')\n"
    v1 = v2.replace("import aws_sqs", "import core, aws_sqs")
    assert "queue_name=f'q-{environment_suffix}'" in fix_with(v2, "cdk", [BY_SLUG["environment-suffix"]], BASE)
    assert fix_with(v1, "cdk", [BY_SLUG["environment-suffix"]], BASE) == v1
