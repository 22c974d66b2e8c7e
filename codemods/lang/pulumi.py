"""The Pulumi Python (pulumi_aws) adapter (see ``iacfix.codemods.lang``).

pulumi_aws is generated from the Terraform provider: a neutral property is spelled as
Terraform spells it (``lang.terraform.facts.native``), with Pulumi's differences stated
here: a repeated block is a plural keyword of ``XxxArgs`` entries (``setting`` →
``settings=[ecs.ClusterSettingArgs(...)]``), a nested block is an ``XxxArgs`` call named
``<Class><PascalField>Args`` (or a dict literal, in the file's key case).

``compile_rules(cm)`` interprets a codemod's rules; ``detector(rules, slug)`` runs rules
of a hand-written detector's own.

For now the rules are translated onto the engine of ``common/pulumi_properties.py``
(check, messages, fix); sharing the CDK interpreter instead is the next step.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import libcst as cst

from iacfix.codemods import spec
from iacfix.codemods.common import properties
from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common import pulumi_properties as pp
from iacfix.codemods.lang.terraform import facts
from iacfix.codemods.spec import Codemod, Detector, combine

KEEP = ("protect", "retain_on_delete")  # resource options that keep a resource

# neutral kind → (pulumi_aws class, the Terraform type it is generated from)
KINDS: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "kms.Key": (("kms.Key", "aws_kms_key"),),
    "dynamodb.Table": (("dynamodb.Table", "aws_dynamodb_table"),),
    "sqs.Queue": (("sqs.Queue", "aws_sqs_queue"),),
    "ecs.Cluster": (("ecs.Cluster", "aws_ecs_cluster"),),
    "efs.FileSystem": (("efs.FileSystem", "aws_efs_file_system"),),
    "lambda.Function": (("lambda_.Function", "aws_lambda_function"),),
    "logs.LogGroup": (("cloudwatch.LogGroup", "aws_cloudwatch_log_group"),),
    "apigateway.Stage": (("apigateway.Stage", "aws_api_gateway_stage"),),
    "apigatewayv2.Stage": (("apigatewayv2.Stage", "aws_apigatewayv2_stage"),),
    "kinesis.Stream": (("kinesis.Stream", "aws_kinesis_stream"),),
    "rds.DBInstance": (("rds.Instance", "aws_db_instance"), ("rds.ClusterInstance", "aws_rds_cluster_instance")),
    "rds.DBCluster": (("rds.Cluster", "aws_rds_cluster"),),
    "elasticache.ReplicationGroup": (("elasticache.ReplicationGroup", "aws_elasticache_replication_group"),),
}

# Pulumi's spelling where it differs from Terraform's, per Terraform type and neutral path:
# repeated blocks are plural keywords.
PLURAL: Dict[str, Dict[str, str]] = {
    "aws_ecs_cluster": {"cluster_settings": "settings"},
}


def retained(doc) -> set:
    """Resources created with ``opts=pulumi.ResourceOptions(protect=True)`` (or
    ``retain_on_delete=True``): Pulumi refuses to replace a protected resource."""
    out = set()
    for site in doc.calls_under(pc.AWS + "."):
        opts = pc.kw_value(site, "opts")
        if isinstance(opts, cst.Call) and "pulumi.ResourceOptions" in pc.qualnames(doc, opts.func):
            if any(a.keyword is not None and a.keyword.value in KEEP and pc.literal(a.value) is True
                   for a in opts.args):
                out.add((pc.rtype(site), pc.label(site)))
    return out


# ---------------------------------------------------------------------- names


def _pascal(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in name.split("_"))


def native(rtype: str, path: str) -> Optional[str]:
    """The Pulumi keyword of a neutral path's last segment (None: no such property)."""
    nat = facts.native(rtype, path)
    if not nat:
        return None
    return PLURAL.get(rtype, {}).get(path, nat[-1])


def args_class(cls: str, rtype: str, path: str) -> str:
    """``dynamodb.Table`` + ``point_in_time_recovery`` → ``dynamodb.TablePointInTimeRecoveryArgs``
    (a repeated block's class is named by the Terraform block, singular)."""
    module, _, name = cls.rpartition(".")
    block = facts.native(rtype, path)[-1]
    return f"{module}.{name}{_pascal(block)}Args"


# ---------------------------------------------------------------------- values


def _read(site, rtype: str):
    def read(prop: str):
        path = facts.native(rtype, prop)
        if path is None:
            return spec.ABSENT
        if len(path) != 1:
            return spec.UNKNOWN  # (no rule reads inside a nested block yet)
        node = pc.kw_value(site, native(rtype, prop))
        if node is None:
            return spec.ABSENT
        v = _literal(node)
        return spec.UNKNOWN if v is pc.UNKNOWN else v
    return read


def _literal(node):
    """A keyword's literal; Pulumi's ``aws.rds.EngineType.AURORA_POSTGRESQL`` reads as its value."""
    v = pc.literal(node)
    if (v is pc.UNKNOWN and isinstance(node, cst.Attribute) and isinstance(node.value, cst.Attribute)
            and node.value.attr.value == "EngineType"):
        return node.attr.value.lower().replace("_", "-")
    return v


def the_only(doc, site, ref: spec.TheOnly) -> Optional[str]:
    """``<var>.id`` (``.arn``) of the file's only resource of the kind, assigned to a variable
    before ``site`` in the same scope; None otherwise."""
    classes = [c for c, _ in KINDS.get(ref.kind, ())]
    found = pc.aws_calls(doc, *classes)
    if len(found) != 1 or not pc.var(found[0]) or found[0].line >= site.line:
        return None
    if doc.enclosing(found[0].call, cst.FunctionDef) is not doc.enclosing(site.call, cst.FunctionDef):
        return None
    attr = "id" if ref.attr in ("key_id", "id") else ref.attr
    return f"{pc.var(found[0])}.{attr}"


def _resolve(doc, site, ctx, value):
    if isinstance(value, spec.TheOnly):
        return the_only(doc, site, value)
    if isinstance(value, spec.Param):
        return ctx.params.get(value.name)
    if isinstance(value, spec.Hook):
        return None
    return value


def _holds(cond, rtype: str):
    """``when(doc, site, ctx)`` for the old engine: the condition is known true."""
    if cond is None:
        return None

    def when(doc, site, ctx):
        return spec.evaluate(cond, _read(site, rtype), ctx.params, lambda h: spec.NO_HOOK,
                             lambda v: _resolve(doc, site, ctx, v)) is True
    return when


def _value(v, rtype: str):
    if isinstance(v, spec.Param):
        return properties.Param(v.name)
    if isinstance(v, spec.TheOnly):
        return properties.Code(lambda doc, site, ctx, v=v: the_only(doc, site, v))
    if isinstance(v, spec.ByProp):
        return properties.Code(lambda doc, site, ctx, v=v: v.pick(_read(site, rtype)(v.prop)))
    if isinstance(v, spec.Hook):
        return properties.Code(lambda doc, site, ctx: None)
    return v


def _req(cls: str, rtype: str, path: str, req) -> Any:
    when = _holds(req.when, rtype)
    label = spec.label_of(path, req)
    if isinstance(req, spec.Exactly):
        return pp.Exactly(_value(req.value, rtype), req.label, also=tuple(req.accept), off=req.off, when=when)
    if isinstance(req, spec.Explicit):
        return pp.Explicit(_value(req.value, rtype), req.label, unsafe=tuple(req.reject), off=req.off, when=when)
    if isinstance(req, spec.AtLeast):
        return pp.Explicit(_value(req.value, rtype), req.label, off=req.off, when=when, minimum=_value(req.minimum, rtype))
    if isinstance(req, spec.Nested):
        return pp.Struct(args_class(cls, rtype, path), _fields(cls, rtype, path, req.fields), label=req.label)
    if isinstance(req, spec.Entry):
        return pp.Entry(args_class(cls, rtype, path), facts.native(rtype, f"{path}.{req.key}")[-1], req.key_value,
                        _fields(cls, rtype, path, req.fields), label=req.label)
    raise TypeError(f"not a requirement: {req!r}")


def _fields(cls, rtype, prefix, reqs) -> Dict[str, Any]:
    out = {}
    for name, req in reqs.items():
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(req, spec.Nested) and facts.flat(rtype, path):
            out.update(_fields(cls, rtype, path, req.fields))  # its fields are the parent's
            continue
        kw = native(rtype, path)
        if kw is not None:
            out[kw] = _req(cls, rtype, path, req)
    return out


# ---------------------------------------------------------------------- rules


def _rule(rule: spec.Rule, slug: str) -> List[Detector]:
    out = []
    for kind in rule.kinds:
        for cls, rtype in KINDS.get(kind, ()):
            props = _fields(cls, rtype, "", rule.require)
            if props:
                out.append(pp.required(cls, props, what=rule.what, detail=rule.detail or slug,
                                       when=_holds(rule.when, rtype), unsafe=rule.unsafe))
    return out


def detector(rules: Sequence[spec.Rule], slug: str) -> Optional[Detector]:
    """A detector for ``rules`` in Pulumi Python, or None when none applies."""
    parts = [d for rule in rules for d in _rule(rule, slug)]
    return combine(parts) if parts else None


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """A detector for the codemod's rules in Pulumi Python, or None when none applies."""
    return detector(cm.rules, cm.slug)
