"""The dead-letter-queue rule for functions, stated once in codemods/common/aws.py, and its
parameter: every language's detector asks dead_letter_reason()."""

from iacfix.codemods.common.aws import NO_VISIBLE_INVOKER, dead_letter_reason, invokes_synchronously
from iacfix.codemods.dead_letter_queue import CODEMOD


def test_default_rule():
    assert dead_letter_reason("unless-synchronous") == NO_VISIBLE_INVOKER
    assert dead_letter_reason("unless-synchronous", sync_by=["api"]) is None
    assert dead_letter_reason("unless-synchronous", async_by=["topic"], sync_by=["api"]) == \
        "invoked asynchronously by topic"
    assert "may invoke it asynchronously" in dead_letter_reason("unless-synchronous", sync_by=["api"], other_by=["p"])
    assert dead_letter_reason("unless-synchronous", async_by=["topic"], edge=True) is None


def test_async_only_and_all():
    assert dead_letter_reason("async-only") is None
    assert dead_letter_reason("async-only", other_by=["p"]) is None
    assert dead_letter_reason("async-only", async_by=["rule"]) == "invoked asynchronously by rule"
    assert dead_letter_reason("all", sync_by=["api"]) is not None
    assert dead_letter_reason("all", edge=True) is None  # Lambda@Edge cannot have one


def test_sync_principals():
    assert invokes_synchronously("apigateway.amazonaws.com")
    assert invokes_synchronously("elasticloadbalancing.amazonaws.com")
    assert not invokes_synchronously("sns.amazonaws.com")
    assert not invokes_synchronously(None)


def test_functions_parameter_is_validated():
    (param,) = [p for p in CODEMOD.params if p.name == "functions"]
    assert param.default == "unless-synchronous"
    assert param.problem("all") is None
    assert param.problem("async-only") is None
    assert param.problem("sometimes") is not None
