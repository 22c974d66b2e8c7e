"""Pulumi judges the Pulumi golden cases: every program runs under Pulumi's mocks, and
the resources it registers show the fix.

``pulumi_mock_runner.py`` runs with the python of ``.venv-oracles-pulumi`` (pulumi and
pulumi-aws; $IACFIX_ORACLES_PULUMI may name another bin directory), never in the
project's venv: ``pulumi.runtime.set_mocks`` (no engine, no cloud), the program run as
``__main__``, every registered resource's type token and inputs recorded. pulumi-aws
validates required arguments and argument names as the program builds its resources.

1. Every ``expected.py`` runs. Programs that import a module other than pulumi and
   pulumi_aws (the "unknown" cases may, on purpose) skip, saying which.
2. For every case the fix changes, the registered inputs of the expected program have
   the property its codemod is about where the input's did not: ``CHECKS`` maps a slug
   to a function listing what is missing (``stacks``: no codemod in the table may get
   worse, and at least one must get better). Slugs without an entry only need to run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import iacfix.codemods as codemods
from iacfix import golden
from tests.oracles.conftest import oracle_python, run_batches

RUNNER = Path(__file__).with_name("pulumi_mock_runner.py")


def _complete(c) -> bool:
    try:
        return c.input.exists() and c.expected.exists()
    except FileNotFoundError:  # a case being written right now
        return False


CASES = [c for c in golden.cases() if c.language == "pulumi" and _complete(c)]


@pytest.fixture(scope="module")
def registered():
    py = oracle_python(".venv-oracles-pulumi", "IACFIX_ORACLES_PULUMI")
    paths = sorted({str(p) for c in CASES for p in (c.input, c.expected)})
    return run_batches(py, RUNNER, paths)


# --- what the registered resources lack, per codemod --------------------------------

def _g(d, *path):
    for k in path:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _true(v) -> bool:
    return v is True or v == "true"


def _positive(v) -> bool:
    try:
        return float(v) > 0
    except (TypeError, ValueError):
        return False


def _ids(r):
    """How other resources refer to ``r`` under the mocks: its id, ARN and name."""
    return {r["name"] + "_id", r["inputs"].get("arn") or _mock_arn(r), r["inputs"].get("name") or r["name"]}


def _mock_arn(r):  # as pulumi_mock_runner.mock_arn
    return f"arn:aws:mock:us-east-1:123456789012:{r['type'].split(':')[-1].lower()}/{r['name']}"


def _mentions(value, r) -> bool:
    text = json.dumps(value)
    return any(re.search(r"(?<![\w/-])" + re.escape(i) + r"(?![\w-])", text) for i in _ids(r))


def per_key(types, **keys):
    def check(res, case):
        return [f"{r['type']} {r['name']}: {label}" for r in res if r["type"] in types
                for label, ok in keys.items() if not ok(r["inputs"], r, res)]
    return check


def _functions_without_log_group(res):
    """Functions whose /aws/lambda/<name> group is not registered (the mocks give an
    auto-named function its resource name) and that name no logging_config log group."""
    names = {r["inputs"].get("name") for r in _of(res, "aws:cloudwatch/logGroup:LogGroup")}
    return [f"{r['type']} {r['name']}: no log group" for r in _of(res, "aws:lambda/function:Function")
            if "/aws/lambda/" + str(r["inputs"].get("name") or r["name"]) not in names
            and not _g(r["inputs"], "loggingConfig", "logGroup")]


def _of(res, *types):
    return [r for r in res if r["type"] in types]


def _stage_throttled(key):
    def ok(p, r, res):
        if r["type"] == "aws:apigatewayv2/stage:Stage":
            return _positive(_g(p, "defaultRouteSettings", key))
        # REST stage: an aws:apigateway/methodSettings:MethodSettings for it
        return any(_positive(_g(m["inputs"], "settings", key))
                   and (m["inputs"].get("stageName") == p.get("stageName") or _mentions(m["inputs"], r))
                   for m in _of(res, "aws:apigateway/methodSettings:MethodSettings"))
    return ok


ASYNC_PRINCIPALS = ("s3", "sns", "events")


def _dlq_missing(res, case):
    sources = [r["inputs"].get(k) for r in res for k in ("redrivePolicy", "deadLetterConfig")]
    out = [f"aws:sqs/queue:Queue {r['name']}: redrivePolicy" for r in _of(res, "aws:sqs/queue:Queue")
           if not r["inputs"].get("redrivePolicy") and not _mentions(sources, r)]
    invoke_cfg = _of(res, "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig")
    functions = _of(res, "aws:lambda/function:Function")

    def handled(fn):
        return bool(fn["inputs"].get("deadLetterConfig")) or any(
            _mentions(c["inputs"].get("functionName"), fn) and _g(c["inputs"], "destinationConfig", "onFailure")
            for c in invoke_cfg)

    # An EventBridge target: its own dead-letter config, or a function target that has one.
    for t in _of(res, "aws:cloudwatch/eventTarget:EventTarget"):
        fn = [f for f in functions if _mentions(t["inputs"].get("arn"), f)]
        if not t["inputs"].get("deadLetterConfig") and not (fn and all(handled(f) for f in fn)):
            out.append(f"aws:cloudwatch/eventTarget:EventTarget {t['name']}: deadLetterConfig")
    # Asynchronously invoked functions (S3/SNS/EventBridge, an event invoke config).
    evidence = [c["inputs"].get("functionName") for c in invoke_cfg]
    evidence += [p["inputs"].get("function") for p in _of(res, "aws:lambda/permission:Permission")
                 if str(p["inputs"].get("principal", "")).split(".")[0] in ASYNC_PRINCIPALS]
    evidence += [n["inputs"].get("lambdaFunctions") for n in _of(res, "aws:s3/bucketNotification:BucketNotification")]
    evidence += [s["inputs"].get("endpoint") for s in _of(res, "aws:sns/topicSubscription:TopicSubscription")
                 if s["inputs"].get("protocol") == "lambda"]
    # The default rule (functions = "unless-synchronous"): a function with no visible
    # invoker needs one too; one only behind API Gateway, a Function URL or an event
    # source mapping does not.
    sync = [p["inputs"].get("function") for p in _of(res, "aws:lambda/permission:Permission")
            if str(p["inputs"].get("principal", "")).split(".")[0] in ("apigateway", "elasticloadbalancing")]
    sync += [r["inputs"].get("functionName") for r in _of(res, "aws:lambda/functionUrl:FunctionUrl")]
    sync += [r["inputs"].get("functionName") for r in _of(res, "aws:lambda/eventSourceMapping:EventSourceMapping")]
    sync += [r["inputs"].get("integrationUri") for r in _of(res, "aws:apigatewayv2/integration:Integration")]
    default = case.settings().params.get("dead-letter-queue", {}).get("functions", "unless-synchronous") \
        == "unless-synchronous"
    for fn in functions:
        needs = _mentions(evidence, fn) or (default and not _mentions(sync, fn))
        if needs and not handled(fn):
            out.append(f"aws:lambda/function:Function {fn['name']}: deadLetterConfig or on-failure destination")
    return out


def _alias_missing(res, case):
    targets = [r["inputs"].get("targetKeyId") for r in _of(res, "aws:kms/alias:Alias")]
    return [f"aws:kms/key:Key {k['name']}: aws:kms/alias:Alias" for k in _of(res, "aws:kms/key:Key")
            if not _mentions(targets, k)]


def _symmetric(p):
    return (p.get("customerMasterKeySpec") or p.get("keySpec") or "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"


def _required_tags_missing(res, case):
    cm = codemods.lookup("required-tags")
    wanted = case.settings().params.get("required-tags", {}).get("tags") or cm.params[0].default
    provider_tags = set()
    for p in _of(res, "pulumi:providers:aws"):
        d = p["inputs"].get("defaultTags")  # a provider's inputs arrive JSON-encoded
        try:
            d = json.loads(d) if isinstance(d, str) else d
        except ValueError:
            d = None
        provider_tags |= set(_g(d, "tags") or {})
    out = []
    for r in res:
        if r["type"] in case._taggable:  # set by the test: types with tags in input or output
            have = set(r["inputs"].get("tags") or {}) | provider_tags
            out += [f"{r['type']} {r['name']}: tag {k}" for k in wanted if k not in have]
    return out


LAMBDA = {"aws:lambda/function:Function"}


def _is_true(key):
    return lambda p, *_: _true(p.get(key))

CHECKS = {
    "api-throttling": per_key({"aws:apigatewayv2/stage:Stage", "aws:apigateway/stage:Stage"},
                              throttlingRateLimit=_stage_throttled("throttlingRateLimit"),
                              throttlingBurstLimit=_stage_throttled("throttlingBurstLimit")),
    "api-tracing": per_key({"aws:apigateway/stage:Stage"},
                           xrayTracingEnabled=lambda p, *_: _true(p.get("xrayTracingEnabled"))),
    "dead-letter-queue": _dlq_missing,
    "dynamodb-pitr": per_key({"aws:dynamodb/table:Table"},
                             pointInTimeRecovery=lambda p, *_: _true(_g(p, "pointInTimeRecovery", "enabled"))),
    "ecs-container-insights": per_key({"aws:ecs/cluster:Cluster"}, containerInsights=lambda p, *_: any(
        s.get("name") == "containerInsights" and s.get("value") in ("enabled", "enhanced")
        for s in p.get("settings") or [] if isinstance(s, dict))),
    "efs-encryption": per_key({"aws:efs/fileSystem:FileSystem"}, encrypted=lambda p, *_: _true(p.get("encrypted"))),
    "elasticache-encryption": per_key(
        {"aws:elasticache/replicationGroup:ReplicationGroup"},
        **{k: _is_true(k) for k in (
            "atRestEncryptionEnabled", "transitEncryptionEnabled", "multiAzEnabled", "automaticFailoverEnabled")},
        snapshotRetentionLimit=lambda p, *_: _positive(p.get("snapshotRetentionLimit"))),
    "kinesis-encryption": per_key({"aws:kinesis/stream:Stream"},
                                  encryptionType=lambda p, *_: p.get("encryptionType") == "KMS"),
    "kinesis-shard-metrics": per_key({"aws:kinesis/stream:Stream"},
                                     shardLevelMetrics=lambda p, *_: bool(p.get("shardLevelMetrics"))),
    "kms-key-alias": _alias_missing,
    "kms-key-rotation": per_key({"aws:kms/key:Key"},
                                enableKeyRotation=lambda p, *_: not _symmetric(p) or _true(p.get("enableKeyRotation"))),
    "lambda-concurrency": per_key(LAMBDA, reservedConcurrentExecutions=lambda p, *_: (
        p.get("reservedConcurrentExecutions") is not None)),
    "lambda-limits": per_key(LAMBDA, timeout=lambda p, *_: p.get("timeout") is not None,
                             memorySize=lambda p, *_: p.get("memorySize") is not None),
    "log-retention": lambda res, case: per_key(
        {"aws:cloudwatch/logGroup:LogGroup"}, retentionInDays=lambda p, *_: _positive(p.get("retentionInDays")),
    )(res, case) + _functions_without_log_group(res),
    "rds-protection": per_key(
        {"aws:rds/instance:Instance", "aws:rds/cluster:Cluster"},
        deletionProtection=lambda p, *_: _true(p.get("deletionProtection")),
        backupRetentionPeriod=lambda p, *_: _positive(p.get("backupRetentionPeriod")),
        autoMinorVersionUpgrade=lambda p, *_: p.get("autoMinorVersionUpgrade") not in (False, "false")),
    "required-tags": _required_tags_missing,
    "sqs-encryption": per_key({"aws:sqs/queue:Queue"}, encryption=lambda p, *_: (
        _true(p.get("sqsManagedSseEnabled")) or bool(p.get("kmsMasterKeyId")))),
}


# --- tests --------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_expected_program_runs_under_mocks(case, registered):
    out = registered[str(case.expected)]
    if "skip" in out:
        pytest.skip(out["skip"])
    assert "error" not in out, f"expected.py fails under Pulumi's mocks: {out['error']}"
    assert out["resources"], "the program registers no resource"


CHANGED = [c for c in CASES if c.expected_diff.exists()
           and (c.slug == golden.STACKS or c.slug in CHECKS)]


def _slugs(case):
    return [cm.slug for cm in case.settings().codemods if cm.slug in CHECKS]


@pytest.mark.parametrize("case", CHANGED, ids=[c.id for c in CHANGED])
def test_fix_shows_in_registered_inputs(case, registered):
    out, before_out = registered[str(case.expected)], registered[str(case.input)]
    if "skip" in out:
        pytest.skip(out["skip"])
    if "error" in out:
        pytest.fail(f"expected.py fails under the mocks: {out['error'][:300]}")
    after_res = out["resources"]
    before_res = before_out.get("resources")
    case._taggable = {r["type"] for r in after_res + (before_res or []) if "tags" in r["inputs"]}
    report, improved = [], False
    for slug in _slugs(case):
        after = CHECKS[slug](after_res, case)
        if before_res is None:  # the input is not a valid program: the output must be complete
            assert not after, f"{slug}: still missing after the fix: {after}"
            improved = True
            continue
        before = CHECKS[slug](before_res, case)
        report.append(f"{slug}: before {len(before)} missing, after {len(after)}: {after}")
        assert len(after) <= len(before), f"{slug}: the fix made the inputs worse: {after} (before: {before})"
        if case.slug != golden.STACKS:
            assert len(after) < len(before), (
                f"{slug}: the registered inputs do not show the fix (missing before: {before}; after: {after})")
        improved = improved or len(after) < len(before)
    assert improved or not _slugs(case), "no codemod's property improved: " + "; ".join(report)
