"""Kinds and names: which CDK classes a neutral kind is, and how each spells the neutral
properties.

Every kind is its L1 class ``aws_cdk.aws_<service>.Cfn<Type>`` (``kms.Key`` →
``aws_cdk.aws_kms.CfnKey``), which takes the neutral names as they are, with props
classes ``Cfn<Type>.<PascalName>Property``. The L2 classes a kind also has are listed in
``L2``; an L2 class takes a neutral name as it is too unless its table says otherwise.
A table maps a neutral path to:

- ``Arg(kwarg, codec, default=, implied=, also=, within=)``: one keyword argument,
  read and written through a codec (``values``); ``default`` is what the construct
  does when it is not given (an L2 default: one a rule does not accept is reported as
  missing, and its fix is safe, for the file did not choose it); ``implied`` are other arguments that say
  it when it is not given; ``also`` are arguments written with it; ``within`` is the
  props object it lives in (``backup=rds.BackupProps(retention=...)``);
- ``Struct(kwarg, cls)``: a props object (or, for a list, its items' class);
- ``FLAT``: a structure the class has no argument for: its fields are the class's own
  (Lambda's ``tracing=`` for CloudFormation's ``TracingConfig.Mode``);
- ``None``: the class has no such property (requirements on it are dropped, conditions
  read it as absent).

Each L2 entry is an exception to the neutral rule and says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple

from iacfix.codemods.common.cdk import FUNCTIONS
from iacfix.codemods.lang.cdk.render import Member
from iacfix.codemods.lang.cdk.values import (
    LITERAL, Codec, Construct, Duration, Engine, Enum, Implies, Mapped, Retention,
)
from iacfix.codemods.lang.naming import pascal
from iacfix.codemods.spec import ABSENT, ORDER, UNKNOWN, Condition, Is

NOTHING = object()  # no default: a property not given is absent


@dataclass(frozen=True)
class Struct:
    kwarg: str
    cls: str


@dataclass(frozen=True)
class Arg:
    kwarg: str
    codec: Codec = LITERAL
    default: Any = NOTHING
    implied: Tuple[Tuple[str, Codec], ...] = ()
    also: Tuple[Tuple[str, Any], ...] = ()
    within: Optional[Struct] = None


class _Flat:
    def __repr__(self) -> str:
        return "FLAT"


FLAT = _Flat()


@dataclass(frozen=True)
class Legacy:
    """An older argument the file may use instead (``point_in_time_recovery=True``): taken
    when the construct has it, or has not ``prefer`` and another call of the file uses it."""

    flag: str
    prefer: str
    names: Mapping[str, Any]


@dataclass(frozen=True)
class Native:
    """One CDK class of a neutral kind."""

    qualname: str
    kind: str
    names: Mapping[str, Any] = field(default_factory=dict)
    l1: bool = False
    # the kind's properties are under this props argument (a REST API's stage: deploy_options)
    within: Optional[Struct] = None
    # the construct is of the kind only where this holds (in its own argument names)
    when: Optional[Condition] = None
    legacy: Optional[Legacy] = None
    # native names of neutral properties no rule writes, for placement only
    places: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)

    def spell(self, path: str, shape: str, names: Optional[Mapping[str, Any]] = None):
        """``Arg``, ``Struct``, ``FLAT`` or None for the neutral ``path``; ``shape``: "leaf",
        "struct" or "items" (what the requirement needs)."""
        names = self.names if names is None else names
        if path in names:
            return names[path]
        if path.split(".")[0] in NOWHERE.get(self.kind, ()):
            return None
        leaf = path.rpartition(".")[2]
        if shape == "leaf":
            return Arg(leaf)
        if self.l1:
            return Struct(leaf, f"{self.qualname}.{pascal(leaf)}Property")
        return None  # an L2 props class must be named in the table

    def kwargs_of(self, path: str, names: Optional[Mapping[str, Any]] = None) -> Tuple[str, ...]:
        """The keyword arguments that spell ``path`` (for placement)."""
        names = self.names if names is None else names
        if path in self.places:
            return self.places[path]
        s = names.get(path, NOTHING)
        if s is NOTHING:
            if path.split(".")[0] in NOWHERE.get(self.kind, ()):
                return ()
            return (path.rpartition(".")[2],)
        if isinstance(s, Arg):
            head = (s.within.kwarg,) if s.within is not None else (s.kwarg,)
            return head + tuple(k for k, _ in s.also if k not in head)
        if isinstance(s, Struct):
            return (s.kwarg,)
        if s is FLAT:
            out: Tuple[str, ...] = ()
            for p in names:
                if p.startswith(path + ".") and "." not in p[len(path) + 1:]:
                    out += tuple(k for k in self.kwargs_of(p, names) if k not in out)
            return out
        return ()


# Neutral properties no CDK class has.
NOWHERE: Dict[str, Tuple[str, ...]] = {
    "kinesis.Stream": ("shard_level_metrics",),  # no CloudFormation property either
}

# ---------------------------------------------------------------------- L2 classes
APIGW = "aws_cdk.aws_apigateway"
SQS_ENC = "aws_cdk.aws_sqs.QueueEncryption"
STREAM_ENC = "aws_cdk.aws_kinesis.StreamEncryption"

# A REST API stage's access log and method settings, as L2 stages and StageOptions
# spell them (placement only: api-access-logging and api-throttling write them).
_STAGE_PLACES = {
    "access_log_setting": ("access_log_destination", "access_log_format"),
    "method_settings": ("method_options", "throttling_burst_limit", "throttling_rate_limit"),
}

_FUNCTION = {
    # Duration.seconds(30) (in the largest whole unit: Duration.minutes(1) for 60)
    "timeout": Arg("timeout", Duration("seconds")),
    # tracing=lambda_.Tracing.ACTIVE for TracingConfig.Mode Active
    "tracing_config": FLAT,
    "tracing_config.mode": Arg("tracing", Enum("aws_cdk.aws_lambda.Tracing", (("Active", "ACTIVE"),
                                                                             ("PassThrough", "PASS_THROUGH")))),
    # CDK only: the log group CDK creates for the function's logs (log-retention)
    "log_retention": Arg("log_retention", Retention()),
    "log_group": Arg("log_group"),
}
_FUNCTION_PLACES = {
    "dead_letter_config": ("dead_letter_queue", "dead_letter_queue_enabled", "dead_letter_topic"),
    # log_retention and log_group (log-retention) go after the reserved concurrency
    "reserved_concurrent_executions": ("reserved_concurrent_executions", "log_retention", "log_group"),
}

_DB = {
    # the L2 default is already true
    "copy_tags_to_snapshot": Arg("copy_tags_to_snapshot", default=True),
    "enable_cloudwatch_logs_exports": Arg("cloudwatch_logs_exports"),
    # a storage_encryption_key encrypts
    "storage_encrypted": Arg("storage_encrypted", implied=(("storage_encryption_key", Implies(True)),)),
    # rds.DatabaseInstanceEngine.postgres(...) reads as "postgres"
    "engine": Arg("engine", Engine()),
    # not L2 properties: an L2 instance is neither a cluster member nor a restore or replica
    # (those are other classes), an L2 cluster has no engine mode (serverless v1 is ServerlessCluster)
    **{p: None for p in ("db_cluster_identifier", "source_db_instance_identifier", "db_snapshot_identifier",
                         "snapshot_identifier", "source_db_cluster_identifier", "db_cluster_snapshot_identifier",
                         "engine_mode")},
}

L2: Dict[str, Tuple[Native, ...]] = {
    "kms.Key": (
        Native("aws_cdk.aws_kms.Key", "kms.Key", {
            "key_spec": Arg("key_spec", Enum("aws_cdk.aws_kms.KeySpec")),  # kms.KeySpec.RSA_2048
            "origin": None,  # an L2 key always has KMS key material
        }),
    ),
    "lambda.Function": tuple(Native(q, "lambda.Function", _FUNCTION, places=_FUNCTION_PLACES) for q in FUNCTIONS),
    "sqs.Queue": (
        Native("aws_cdk.aws_sqs.Queue", "sqs.Queue", {
            # encryption=sqs.QueueEncryption.SQS_MANAGED (UNENCRYPTED: false); the KMS members
            # are about the key, not SQS-managed encryption
            "sqs_managed_sse_enabled": Arg("encryption", Enum(SQS_ENC, ((True, "SQS_MANAGED"), (False, "UNENCRYPTED")),
                                                              others=ABSENT)),
            # a key construct (encryption_master_key=key, with encryption=KMS said too); without
            # one, KMS_MANAGED is the AWS-managed key and KMS a key CDK creates
            "kms_master_key_id": Arg(
                "encryption_master_key", Construct(("aws_cdk.aws_kms.Key",)),
                implied=(("encryption", Enum(SQS_ENC, (("alias/aws/sqs", "KMS_MANAGED"), (UNKNOWN, "KMS")),
                                             others=ABSENT)),),
                also=(("encryption", Member(f"{SQS_ENC}.KMS")),),
            ),
        }, places={"redrive_policy": ("dead_letter_queue",)}),
    ),
    "dynamodb.Table": tuple(
        Native(q, "dynamodb.Table", {
            "point_in_time_recovery_specification": Struct("point_in_time_recovery_specification",
                                                           "aws_cdk.aws_dynamodb.PointInTimeRecoverySpecification"),
        }, legacy=Legacy("point_in_time_recovery", "point_in_time_recovery_specification", {
            # point_in_time_recovery=True: deprecated, but the only form older CDK versions know
            "point_in_time_recovery_specification": FLAT,
            "point_in_time_recovery_specification.point_in_time_recovery_enabled": Arg("point_in_time_recovery"),
        }))
        for q in ("aws_cdk.aws_dynamodb.Table", "aws_cdk.aws_dynamodb.TableV2")
    ),
    "ecs.Cluster": (
        Native("aws_cdk.aws_ecs.Cluster", "ecs.Cluster", {
            # the containerInsights setting is container_insights_v2=ecs.ContainerInsights.ENABLED
            "cluster_settings": FLAT,
            "cluster_settings.value": Arg("container_insights_v2", Enum(
                "aws_cdk.aws_ecs.ContainerInsights", (("enabled", "ENABLED"), ("enhanced", "ENHANCED"),
                                                      ("disabled", "DISABLED")))),
        }, legacy=Legacy("container_insights", "container_insights_v2", {
            # container_insights=True: deprecated, but the only form older CDK versions know
            "cluster_settings.value": Arg("container_insights", Mapped((("enabled", True), ("disabled", False)))),
        })),
    ),
    "efs.FileSystem": (
        Native("aws_cdk.aws_efs.FileSystem", "efs.FileSystem", {
            # encrypted by default in CDK v2 (@aws-cdk/aws-efs:defaultEncryptionAtRest)
            "encrypted": Arg("encrypted", default=True),
            "kms_key_id": None,  # kms_key takes a key construct, not an id or ARN
        }),
    ),
    "kinesis.Stream": (
        Native("aws_cdk.aws_kinesis.Stream", "kinesis.Stream", {
            # encryption=kinesis.StreamEncryption.MANAGED (alias/aws/kinesis) for KMS; an
            # encryption_key encrypts with that key
            "stream_encryption": FLAT,
            "stream_encryption.encryption_type": Arg(
                "encryption", Enum(STREAM_ENC, (("KMS", "MANAGED"), ("KMS", "KMS"), ("NONE", "UNENCRYPTED"))),
                implied=(("encryption_key", Implies("KMS")),),
            ),
            "stream_encryption.key_id": None,  # encryption_key takes a key construct
            "retention_period_hours": Arg("retention_period", Duration("hours", "hours")),
        }),
    ),
    "logs.LogGroup": (
        Native("aws_cdk.aws_logs.LogGroup", "logs.LogGroup", {
            # retention=logs.RetentionDays.ONE_MONTH; not given, CDK keeps logs two years
            "retention_in_days": Arg("retention", Retention(), default=731),
        }),
    ),
    "apigateway.Stage": (
        Native(f"{APIGW}.Stage", "apigateway.Stage", places=_STAGE_PLACES),
        # a REST API's deployment stage: deploy_options=apigateway.StageOptions(...); deploy=False: none
        *(Native(f"{APIGW}.{api}", "apigateway.Stage", within=Struct("deploy_options", f"{APIGW}.StageOptions"),
                 when=Is("deploy", True, missing=True), places=_STAGE_PLACES)
          for api in ("RestApi", "LambdaRestApi", "SpecRestApi")),
    ),
    "rds.DBInstance": (
        Native("aws_cdk.aws_rds.DatabaseInstance", "rds.DBInstance", {
            **_DB,
            "backup_retention_period": Arg("backup_retention", Duration("days", "days")),
            "db_parameter_group_name": Arg("parameter_group"),  # an rds.ParameterGroup
            "auto_minor_version_upgrade": Arg("auto_minor_version_upgrade", default=True),  # L2 default
            # storage_type=rds.StorageType.GP3; not given, CDK writes gp2
            "storage_type": Arg("storage_type", Enum("aws_cdk.aws_rds.StorageType", (
                ("gp2", "GP2"), ("gp3", "GP3"), ("io1", "IO1"), ("io2", "IO2"), ("standard", "STANDARD"))),
                default="gp2"),
        }),
    ),
    "rds.DBCluster": (
        Native("aws_cdk.aws_rds.DatabaseCluster", "rds.DBCluster", {
            **_DB,
            "backup_retention_period": Arg("retention", Duration("days", "days"),
                                           within=Struct("backup", "aws_cdk.aws_rds.BackupProps")),
            "db_cluster_parameter_group_name": Arg("parameter_group"),  # an rds.ParameterGroup
            # backup=rds.BackupProps(retention=..., preferred_window=...): the retention is
            # required with it, and is the owner's (rds-protection writes it)
            "preferred_backup_window": None,
        }),
    ),
}

# L1 names that are not CloudFormation properties (CDK-only names in the adapter's rules).
_L1_NAMES: Dict[str, Mapping[str, Any]] = {
    "lambda.Function": {"log_retention": None, "log_group": None},
}


def l1(kind: str) -> Native:
    service, _, typ = kind.partition(".")
    return Native(f"aws_cdk.aws_{service.lower()}.Cfn{typ}", kind, _L1_NAMES.get(kind, {}), l1=True)


def natives(kind: str) -> Tuple[Native, ...]:
    return L2.get(kind, ()) + (l1(kind),)



# ---------------------------------------------------------------------- placement
def translate(order_key: str, native: Native, names: Optional[Mapping[str, Any]] = None, prefix: str = "") -> Tuple[str, ...]:
    """``spec.ORDER[order_key]`` in ``native``'s spelling (``prefix``: the path of the props
    object the order is for)."""
    out: Tuple[str, ...] = ()
    for n in ORDER.get(order_key, ()):
        out += tuple(k for k in native.kwargs_of(prefix + n, names) if k not in out)
    return out


def order_of(qualname: str) -> Tuple[str, ...]:
    """The order new keyword arguments keep in a call of ``qualname`` (a construct or a
    props class): ``spec.ORDER`` in that class's spelling."""
    return _ORDERS.get(qualname, ())


def _orders() -> Dict[str, Tuple[str, ...]]:
    out: Dict[str, Tuple[str, ...]] = {}
    kinds = {k.split(".")[0] + "." + k.split(".")[1] for k in ORDER} | set(L2)
    for kind in kinds:
        for native in natives(kind):
            if native.within is not None:
                out.setdefault(native.within.cls, translate(kind, native))
            else:
                out.setdefault(native.qualname, translate(kind, native))
            for key in ORDER:
                if key.startswith(kind + ".") and len(key.split(".")) > 2:
                    path = key[len(kind) + 1:]
                    s = native.spell(path, "struct")
                    if isinstance(s, Struct):
                        out.setdefault(s.cls, translate(key, native, prefix=path + "."))
    return out


_ORDERS = _orders()
