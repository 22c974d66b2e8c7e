"""The catalog: one module per production gap, each with a detector/transform per language."""

from __future__ import annotations

from typing import Iterable, List, Optional

from iacfix.codemods.lang import detectors_for
from iacfix.codemods.spec import Codemod, declared

from iacfix.codemods.api_throttling import CODEMOD as _api_throttling
from iacfix.codemods.dead_letter_queue import CODEMOD as _dead_letter_queue
from iacfix.codemods.required_tags import CODEMOD as _required_tags
from iacfix.codemods.kms_key_alias import CODEMOD as _kms_key_alias
from iacfix.codemods.kms_key_rotation import CODEMOD as _kms_key_rotation
from iacfix.codemods.lambda_tracing import CODEMOD as _lambda_tracing
from iacfix.codemods.lambda_concurrency import CODEMOD as _lambda_concurrency
from iacfix.codemods.lambda_limits import CODEMOD as _lambda_limits
from iacfix.codemods.log_retention import CODEMOD as _log_retention
from iacfix.codemods.api_access_logging import CODEMOD as _api_access_logging
from iacfix.codemods.api_tracing import CODEMOD as _api_tracing
from iacfix.codemods.dynamodb_pitr import CODEMOD as _dynamodb_pitr
from iacfix.codemods.sqs_encryption import CODEMOD as _sqs_encryption
from iacfix.codemods.kinesis_encryption import CODEMOD as _kinesis_encryption
from iacfix.codemods.kinesis_shard_metrics import CODEMOD as _kinesis_shard_metrics
from iacfix.codemods.rds_protection import CODEMOD as _rds_protection
from iacfix.codemods.rds_performance_insights import CODEMOD as _rds_performance_insights
from iacfix.codemods.elasticache_encryption import CODEMOD as _elasticache_encryption
from iacfix.codemods.efs_encryption import CODEMOD as _efs_encryption
from iacfix.codemods.ecs_container_insights import CODEMOD as _ecs_container_insights
from iacfix.codemods.secret_generation import CODEMOD as _secret_generation
from iacfix.codemods.sg_rule_description import CODEMOD as _sg_rule_description
from iacfix.codemods.removal_policy import CODEMOD as _removal_policy
from iacfix.codemods.environment_suffix import CODEMOD as _environment_suffix
from iacfix.codemods.iam_wildcard import CODEMOD as _iam_wildcard
from iacfix.codemods.alarms import CODEMOD as _alarms
from iacfix.codemods.api_cors import CODEMOD as _api_cors
from iacfix.codemods.rds_parameter_group import CODEMOD as _rds_parameter_group
from iacfix.codemods.elasticache_parameter_group import CODEMOD as _elasticache_parameter_group
from iacfix.codemods.rds_gp3_storage import CODEMOD as _rds_gp3_storage
from iacfix.codemods.rds_windows import CODEMOD as _rds_windows
from iacfix.codemods.nat_gateway_per_az import CODEMOD as _nat_gateway_per_az
from iacfix.codemods.stack_outputs import CODEMOD as _stack_outputs

_ALL: List[Codemod] = [
    _api_throttling,
    _dead_letter_queue,
    _required_tags,
    _kms_key_alias,
    _kms_key_rotation,
    _lambda_tracing,
    _lambda_concurrency,
    _lambda_limits,
    _log_retention,
    _api_access_logging,
    _api_tracing,
    _dynamodb_pitr,
    _sqs_encryption,
    _kinesis_encryption,
    _kinesis_shard_metrics,
    _rds_protection,
    _rds_performance_insights,
    _elasticache_encryption,
    _efs_encryption,
    _ecs_container_insights,
    _secret_generation,
    _sg_rule_description,
    _removal_policy,
    _environment_suffix,
    _iam_wildcard,
    _rds_parameter_group,
    _elasticache_parameter_group,
    _rds_gp3_storage,
    _rds_windows,
    _nat_gateway_per_az,
    _api_cors,
    _stack_outputs,
    _alarms,
]

# Each codemod's detector per language: its rules as the language's adapter reads them,
# plus what it wrote for that language by hand; built when a file of that language is
# first checked (a Terraform-only run never imports the Python or YAML editors).
for _cm in _ALL:
    _cm.detectors = detectors_for(_cm)

# A codemod is in the catalog once a language may implement it (tests/test_startup.py
# checks that every one of them is implemented by at least one).
CATALOG: List[Codemod] = [cm for cm in _ALL if declared(cm.detectors)]


def lookup(name: str) -> Optional[Codemod]:
    """A codemod by id (IAC001), slug (api-throttling) or a Checkov check it answers
    (CKV_AWS_7), case-insensitive."""
    n = name.strip().lower()
    for cm in CATALOG:
        if cm.id.lower() == n or cm.slug == n:
            return cm
    for cm in CATALOG:
        if n.upper() in cm.checkov:
            return cm
    return None


def select(selected: Optional[Iterable[str]] = None, ignored: Iterable[str] = ()) -> List[Codemod]:
    """Codemods chosen by --select/--ignore (ids, slugs, Checkov ids, or ALL). Unknown names raise KeyError."""
    def resolve(names):
        out = []
        for name in names:
            if name.strip().upper() == "ALL":
                out.extend(CATALOG)
                continue
            cm = lookup(name)
            if cm is None:
                raise KeyError(name)
            out.append(cm)
        return out

    chosen = resolve(selected) if selected else list(CATALOG)
    drop = {cm.id for cm in resolve(ignored)}
    seen = set()
    result = []
    for cm in CATALOG:  # catalog order, whatever order the user named them in
        if cm in chosen and cm.id not in drop and cm.id not in seen:
            seen.add(cm.id)
            result.append(cm)
    return result
