"""The AWS CDK judges the CDK golden cases: every program synthesises, and the
synthesised CloudFormation shows the fix.

``cdk_synth_runner.py`` runs with the python of ``.venv-oracles-cdk`` (aws-cdk-lib and
constructs; $IACFIX_ORACLES_CDK may name another bin directory), never in the project's
venv. Every ``input.py`` and ``expected.py`` of every CDK case is synthesised in one
runner process, which pays jsii's start-up once: about 20-25 s for ~280 programs on
2 cores (two processes were slower), so no subset is needed.

1. Every ``expected.py`` synthesises, with no construct-validation error its input
   did not already have (some golden programs are deliberately minimal, e.g. a
   ``RestApi`` without methods, and fail CDK's own validation before and after).
2. For every case the fix changes, the template of the expected program has the
   property its codemod is about where the input's did not: ``CHECKS`` maps a slug to
   a function listing what is missing in a template (``stacks`` cases: every codemod in
   the table may not get worse, and at least one must get better). Slugs without an
   entry only need to synthesise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import iacfix.codemods as codemods
from iacfix import golden
from tests.oracles.conftest import oracle_python, run_batches

RUNNER = Path(__file__).with_name("cdk_synth_runner.py")


def _complete(c) -> bool:
    try:
        return c.input.exists() and c.expected.exists()
    except FileNotFoundError:  # a case being written right now
        return False


CASES = [c for c in golden.cases() if c.language == "cdk" and _complete(c)]


@pytest.fixture(scope="module")
def synth():
    py = oracle_python(".venv-oracles-cdk", "IACFIX_ORACLES_CDK")
    paths = sorted({str(p) for c in CASES for p in (c.input, c.expected)})
    return run_batches(py, RUNNER, paths, jobs=1)  # two jsii kernels on 2 cores: slower, not faster


# --- what a template lacks, per codemod -------------------------------------------

def _g(d, *path):
    for k in path:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _true(v) -> bool:
    return v is True or v == "true"


def _refs(value, lid: str) -> bool:
    """Whether a property value refers to logical id ``lid`` (Ref / GetAtt / Join...)."""
    return f'"{lid}"' in json.dumps(value)


# CDK's own helper functions (log retention, custom resources...), not the program's.
_FRAMEWORK = ("LogRetention", "AWS679f53fac002430cb0da5b7982bd2287", "BucketNotificationsHandler",
              "CustomS3AutoDeleteObjects", "CustomCDK", "CustomResourceProvider")


def _user_functions(res):
    return [(lid, p) for lid, t, p in res if t == "AWS::Lambda::Function" and not lid.startswith(_FRAMEWORK)]


def per_key(types, **keys):
    """Missing: one entry per resource of ``types`` and per key whose test fails."""
    def check(res, case):
        return [f"{t} {lid}: {label}" for lid, t, p in res if t in types
                for label, ok in keys.items() if not ok(p, lid, res)]
    return check


def _positive(v) -> bool:
    try:
        return float(v) > 0
    except (TypeError, ValueError):
        return v is not None and not isinstance(v, (int, float, str))  # a token: set


def _throttle(key):
    """A REST stage: a method setting for all methods; an HTTP/WebSocket stage: the
    default route settings; either with a positive ``key`` (-1 means unthrottled)."""
    def ok(p, lid, res):
        for ms in p.get("MethodSettings") or []:
            if isinstance(ms, dict) and _positive(ms.get(key)):
                return True
        return _positive(_g(p, "DefaultRouteSettings", key))
    return ok


def _dlq_missing(res, case):
    redrive = [p.get("RedrivePolicy") for _, t, p in res if t == "AWS::SQS::Queue" and p.get("RedrivePolicy")]
    redrive += [p.get("DeadLetterConfig") for _, t, p in res if p.get("DeadLetterConfig")]
    redrive += [t.get("DeadLetterConfig") for _, ty, p in res if ty == "AWS::Events::Rule"
                for t in p.get("Targets") or [] if isinstance(t, dict) and t.get("DeadLetterConfig")]
    out = [f"AWS::SQS::Queue {lid}: RedrivePolicy" for lid, t, p in res
           if t == "AWS::SQS::Queue" and not p.get("RedrivePolicy") and not _refs(redrive, lid)]
    # Asynchronously invoked functions: an event invoke config or a permission for an
    # asynchronous service. Each needs a DeadLetterConfig or an on-failure destination.
    on_failure = [p for _, t, p in res if t == "AWS::Lambda::EventInvokeConfig"
                  and _g(p, "DestinationConfig", "OnFailure", "Destination")]
    for lid, p in _user_functions(res):
        asynchronous = any(
            (t == "AWS::Lambda::EventInvokeConfig" and _refs(q.get("FunctionName"), lid))
            or (t == "AWS::Lambda::Permission" and _refs(q.get("FunctionName"), lid)
                and str(q.get("Principal", "")).split(".")[0] in ("s3", "sns", "events"))
            for _, t, q in res)
        # The default rule (functions = "unless-synchronous"): a function with no visible
        # invoker needs one too; one only behind API Gateway, a load balancer, a Function
        # URL or an event source mapping does not.
        synchronous = any(
            (t in ("AWS::Lambda::Url", "AWS::Lambda::EventSourceMapping")
             and (_refs(q.get("TargetFunctionArn"), lid) or _refs(q.get("FunctionName"), lid)))
            or (t == "AWS::Lambda::Permission" and _refs(q.get("FunctionName"), lid)
                and str(q.get("Principal", "")).split(".")[0] in ("apigateway", "elasticloadbalancing", "cognito-idp"))
            for _, t, q in res)
        params = case.settings().params.get("dead-letter-queue", {})
        if params.get("functions", "unless-synchronous") == "unless-synchronous" and not synchronous:
            asynchronous = True
        if asynchronous and not _g(p, "DeadLetterConfig", "TargetArn") \
                and not any(_refs(q.get("FunctionName"), lid) for q in on_failure):
            out.append(f"AWS::Lambda::Function {lid}: DeadLetterConfig or on-failure destination")
    return out


def _pitr(p, lid, res):
    if "Replicas" in p:  # AWS::DynamoDB::GlobalTable (TableV2): per replica
        return all(_true(_g(r, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"))
                   for r in p["Replicas"]) and bool(p["Replicas"])
    return _true(_g(p, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"))


def _member(p):
    return "DBClusterIdentifier" in p and "Engine" in p and "MasterUsername" not in p \
        and "ManageMasterUserPassword" not in p and "DBInstanceClass" in p


def _alias_missing(res, case):
    aliases = [p.get("TargetKeyId") for _, t, p in res if t == "AWS::KMS::Alias"]
    return [f"AWS::KMS::Key {lid}: AWS::KMS::Alias" for lid, t, p in res
            if t == "AWS::KMS::Key" and not _refs(aliases, lid)]


def _symmetric(p):
    return p.get("KeySpec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"


def _log_retention_missing(res, case):
    out = [f"{t} {lid}: RetentionInDays" for lid, t, p in res
           if t in ("AWS::Logs::LogGroup", "Custom::LogRetention") and not _positive(p.get("RetentionInDays"))]
    kept = [lid for lid, t, p in res if t == "AWS::Logs::LogGroup" and _positive(p.get("RetentionInDays"))]
    retention = [p.get("LogGroupName") for _, t, p in res
                 if t == "Custom::LogRetention" and _positive(p.get("RetentionInDays"))]
    for lid, p in _user_functions(res):
        if not _refs(retention, lid) and not any(_refs(p.get("LoggingConfig"), g) for g in kept):
            out.append(f"AWS::Lambda::Function {lid}: a log group with retention")
    return out


def _required_tags_missing(res, case):
    cm = codemods.lookup("required-tags")
    wanted = case.settings().params.get("required-tags", {}).get("tags") or cm.params[0].default
    out = []
    for lid, t, p in res:
        if t in case._taggable:  # set by the test: types that carry Tags in input or output
            have = {tg.get("Key") for tg in p.get("Tags") or [] if isinstance(tg, dict)}
            if isinstance(p.get("Tags"), dict):  # e.g. AWS::SSM::Parameter: a map
                have = set(p["Tags"])
            out += [f"{t} {lid}: tag {k}" for k in wanted if k not in have]
    return out


CHECKS = {
    "api-throttling": per_key({"AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage"},
                              ThrottlingRateLimit=_throttle("ThrottlingRateLimit"),
                              ThrottlingBurstLimit=_throttle("ThrottlingBurstLimit")),
    "api-tracing": per_key({"AWS::ApiGateway::Stage"}, TracingEnabled=lambda p, *_: _true(p.get("TracingEnabled"))),
    "dead-letter-queue": _dlq_missing,
    "dynamodb-pitr": per_key({"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"}, PointInTimeRecovery=_pitr),
    "ecs-container-insights": per_key({"AWS::ECS::Cluster"}, containerInsights=lambda p, *_: any(
        s.get("Name") == "containerInsights" and s.get("Value") in ("enabled", "enhanced")
        for s in p.get("ClusterSettings") or [] if isinstance(s, dict))),
    "efs-encryption": per_key({"AWS::EFS::FileSystem"}, Encrypted=lambda p, *_: _true(p.get("Encrypted"))),
    "elasticache-encryption": per_key(
        {"AWS::ElastiCache::ReplicationGroup"},
        AtRestEncryptionEnabled=lambda p, *_: _true(p.get("AtRestEncryptionEnabled")),
        TransitEncryptionEnabled=lambda p, *_: _true(p.get("TransitEncryptionEnabled")),
        MultiAZEnabled=lambda p, *_: _true(p.get("MultiAZEnabled")),
        AutomaticFailoverEnabled=lambda p, *_: _true(p.get("AutomaticFailoverEnabled")),
        SnapshotRetentionLimit=lambda p, *_: _positive(p.get("SnapshotRetentionLimit"))),
    "kinesis-encryption": per_key({"AWS::Kinesis::Stream"},
                                  KMS=lambda p, *_: _g(p, "StreamEncryption", "EncryptionType") == "KMS"),
    "kms-key-alias": _alias_missing,
    "kms-key-rotation": per_key({"AWS::KMS::Key"},
                                EnableKeyRotation=lambda p, *_: not _symmetric(p) or _true(p.get("EnableKeyRotation"))),
    "lambda-concurrency": lambda res, case: [f"AWS::Lambda::Function {lid}: ReservedConcurrentExecutions"
                                             for lid, p in _user_functions(res)
                                             if p.get("ReservedConcurrentExecutions") is None],
    "lambda-limits": lambda res, case: [f"AWS::Lambda::Function {lid}: {k}" for lid, p in _user_functions(res)
                                        for k in ("Timeout", "MemorySize") if p.get(k) is None],
    "log-retention": _log_retention_missing,
    "rds-protection": per_key(
        {"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"},
        # a cluster member's protection and backups are the cluster's
        DeletionProtection=lambda p, lid, res: _true(p.get("DeletionProtection")) or _member(p),
        BackupRetentionPeriod=lambda p, lid, res: p.get("BackupRetentionPeriod") not in (None, 0, "0") or _member(p),
        AutoMinorVersionUpgrade=lambda p, *_: p.get("AutoMinorVersionUpgrade") not in (False, "false")),
    "required-tags": _required_tags_missing,
    "sqs-encryption": per_key({"AWS::SQS::Queue"}, encryption=lambda p, *_: (
        _true(p.get("SqsManagedSseEnabled")) or bool(p.get("KmsMasterKeyId")))),
}


def _resources(result):
    return [(lid, r.get("Type"), r.get("Properties") or {})
            for tpl in result["templates"].values() for lid, r in (tpl.get("Resources") or {}).items()]


# --- tests --------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_expected_program_synthesises(case, synth):
    out = synth[str(case.expected)]
    if "skip" in out:
        pytest.skip(out["skip"])
    assert "error" not in out, f"cdk synth of expected.py failed: {out['error']}"
    assert out["templates"], "no stack synthesised"
    before = set(synth.get(str(case.input), {}).get("validation_errors", []))
    new = sorted(set(out.get("validation_errors", [])) - before)
    assert not new, f"construct validation errors the input did not have: {new}"


CHANGED = [c for c in CASES if c.expected_diff.exists()
           and (c.slug == golden.STACKS or c.slug in CHECKS)]


def _slugs(case):
    return [cm.slug for cm in case.settings().codemods if cm.slug in CHECKS]


@pytest.mark.parametrize("case", CHANGED, ids=[c.id for c in CHANGED])
def test_fix_shows_in_synthesised_template(case, synth):
    out, before_out = synth[str(case.expected)], synth[str(case.input)]
    if "skip" in out:
        pytest.skip(out["skip"])
    if "error" in out:
        pytest.fail(f"expected.py does not synthesise: {out['error'][:300]}")
    after_res = _resources(out)
    before_res = _resources(before_out) if "templates" in before_out else None
    case._taggable = {t for res in (after_res, before_res or []) for _, t, p in res if "Tags" in p}
    report, improved = [], False
    for slug in _slugs(case):
        after = CHECKS[slug](after_res, case)
        if before_res is None:  # the input is not a valid program: the output must be complete
            assert not after, f"{slug}: still missing after the fix: {after}"
            improved = True
            continue
        before = CHECKS[slug](before_res, case)
        report.append(f"{slug}: before {len(before)} missing, after {len(after)}: {after}")
        assert len(after) <= len(before), f"{slug}: the fix made the template worse: {after} (before: {before})"
        if case.slug != golden.STACKS:
            assert len(after) < len(before), (
                f"{slug}: the synthesised template does not show the fix "
                f"(missing before: {before}; after: {after})")
        improved = improved or len(after) < len(before)
    assert improved or not _slugs(case), "no codemod's property improved: " + "; ".join(report)
