"""stack_outputs for CloudFormation (and SAM): an output in ``Outputs`` for each API, table,
queue, topic, database and cache of the template that no output refers to yet.

Watched (``kinds``): ``AWS::ApiGateway::RestApi`` (invoke URL of the stage an
``AWS::ApiGateway::Stage`` or ``AWS::ApiGateway::Deployment`` of the template deploys it to;
without one, reported without a fix), ``AWS::Serverless::Api`` (its ``StageName``),
``AWS::ApiGatewayV2::Api`` and ``AWS::Serverless::HttpApi`` (``ApiEndpoint``), DynamoDB tables
(name), SQS queues (URL), SNS topics (ARN), ``AWS::RDS::DBInstance`` and ``AWS::RDS::DBCluster``
(``Endpoint.Address``), ``AWS::ElastiCache::ReplicationGroup`` (``PrimaryEndPoint.Address``;
``ConfigurationEndPoint.Address`` in cluster mode). Left to the codemods that make or serve
them: dead-letter queues (a redrive policy, dead-letter config or on-failure destination of
the template targets them), topics an alarm notifies or whose name says alarms, an Aurora
cluster's instances. The APIs SAM creates for function events that name none: ``ServerlessRestApi``
(``!Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/``, SAM's own
output for its stage ``Prod``) and ``ServerlessHttpApi`` (``ApiEndpoint``), reported on the first
event making them.

Compliant: an output whose ``Value`` refers to the resource (``!Ref``, ``!GetAtt``, ``${X}``).

The new output is ``<LogicalId>Url|Name|Arn|Endpoint`` with a ``Description`` and the value in
the template's intrinsic form, carrying the resource's ``Condition``; no ``Export``. It goes
at the end of ``Outputs``, a section made at the end of the template when there is none.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import alarm_topic_name
from iacfix.codemods.common.cloudformation import (
    IMPLICIT_CONDITIONAL, dead_letter_targets, gap, implicit_apis, implicit_gap, kebab,
)
from iacfix.codemods.stack_outputs import WORD, description
from iacfix.core import FixError
from iacfix.transforms.cloudformation import (
    CfnDoc, GetAtt, Ref, Resource, Sub, get, int_value, intrinsic, is_map, items, ref_target, refs_in, scalar, text_of,
)

TYPES = {
    "AWS::ApiGateway::RestApi": "api",
    "AWS::Serverless::Api": "api",
    "AWS::ApiGatewayV2::Api": "api",
    "AWS::Serverless::HttpApi": "api",
    "AWS::DynamoDB::Table": "table",
    "AWS::DynamoDB::GlobalTable": "table",
    "AWS::Serverless::SimpleTable": "table",
    "AWS::SQS::Queue": "queue",
    "AWS::SNS::Topic": "topic",
    "AWS::RDS::DBInstance": "database",
    "AWS::RDS::DBCluster": "database",
    "AWS::ElastiCache::ReplicationGroup": "cache",
}
NOUN = {"api": "API", "table": "table", "queue": "queue", "topic": "topic", "database": "database",
        "cache": "cache"}


def detect(doc: CfnDoc, ctx):
    kinds = set(ctx["kinds"])
    watched = [r for r in doc.resources() if TYPES.get(r.type) in kinds]
    implicit = implicit_apis(doc) if "api" in kinds else []
    if not watched and not implicit:
        return
    outputs = get(doc.root, "Outputs")
    output_refs = set()
    for _k, out in items(outputs):
        output_refs.update(refs_in(get(out, "Value") if is_map(out) else out))
    served = _served(doc)
    fixable: list = []  # every fix writes the outputs of all: one pass, however many
    for res in doc.resources():
        for api in implicit:  # the APIs SAM creates for function events, in the place of the first
            if api.first.name == res.name and api.name not in output_refs:
                yield _implicit_gap(doc, api, ctx, fixable)
        kind = TYPES.get(res.type)
        if kind not in kinds:
            continue
        if res.name in output_refs or res.name in served:
            continue
        if kind == "topic" and (alarm_topic_name(kebab(res.name)) or alarm_topic_name(scalar(res.prop("TopicName")))):
            continue
        if res.type == "AWS::RDS::DBInstance" and res.prop("DBClusterIdentifier") is not None:
            continue
        msg = f"{NOUN[kind]} '{res.name}' has no stack output"
        try:
            value = _value(doc, res)
        except FixError as e:
            yield gap(doc, res, f"{msg} ({e})")
            continue
        if not ctx.suppressed(doc.line_of(res.key)):
            fixable.append((res, kind, value))
        yield gap(doc, res, msg, fix=_fixer(doc, fixable))


def _implicit_gap(doc: CfnDoc, api, ctx, fixable: list):
    """An implicit API's output: ``!Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}
    .amazonaws.com/Prod/`` (SAM's own for its stage ``Prod``), ``!GetAtt ServerlessHttpApi
    .ApiEndpoint``."""
    if api.type == "AWS::Serverless::HttpApi":
        value = GetAtt(api.name, "ApiEndpoint")
    else:
        value = Sub(f"https://${{{api.name}}}.execute-api.${{AWS::Region}}.amazonaws.com/{api.stage}/")
    if api.conditional:
        return implicit_gap(doc, api, f"has no stack output ({IMPLICIT_CONDITIONAL.format('output')})")
    found = implicit_gap(doc, api, "has no stack output", fix=_fixer(doc, fixable))
    if not ctx.suppressed(found.line, *found.suppress_lines):
        fixable.append((api, "api", value))
    return found


def _served(doc: CfnDoc) -> set:
    """Queues that are dead-letter queues, topics that alarms notify."""
    out = set(dead_letter_targets(doc))
    for res in doc.resources():
        if res.type == "AWS::CloudWatch::Alarm":
            for key in ("AlarmActions", "OKActions", "InsufficientDataActions"):
                out.update(refs_in(res.prop(key)))
    return out


def _value(doc: CfnDoc, res):
    t = res.type
    if t in ("AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi"):
        return GetAtt(res.name, "ApiEndpoint")
    if t == "AWS::ApiGateway::RestApi":
        return Sub(f"https://${{{res.name}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/{_stage(doc, res)}")
    if t == "AWS::Serverless::Api":
        return Sub(f"https://${{{res.name}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/"
                   f"{_stage_name(res.prop('StageName'))}")
    if t in ("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"):
        return GetAtt(res.name, "Endpoint.Address")
    if t == "AWS::ElastiCache::ReplicationGroup":
        groups = int_value(res.prop("NumNodeGroups"))
        cluster = (groups is not None and groups > 1) or (scalar(res.prop("ClusterMode")) or "").lower() == "enabled"
        return GetAtt(res.name, "ConfigurationEndPoint.Address" if cluster else "PrimaryEndPoint.Address")
    return Ref(res.name)  # tables: name; queues: URL; topics: ARN


def _stage_name(node) -> str:
    """A stage name as a ``!Sub`` fragment: the literal, or ``${Param}``."""
    text = scalar(node)
    if text is not None and text.strip() and "$" not in text:
        return text.strip()
    fn = intrinsic(node)
    if fn is not None and fn[0] == "Ref" and text_of(fn[1]):
        return f"${{{text_of(fn[1])}}}"
    raise FixError("its stage name cannot be read")


def _stage(doc: CfnDoc, api) -> str:
    """The stage a Stage (else a Deployment with a StageName) of the template deploys ``api`` to."""
    stages, deployments = [], []
    for res in doc.resources():
        if ref_target(res.prop("RestApiId")) != api.name:
            continue
        if res.type == "AWS::ApiGateway::Stage":
            stages.append(res)
        elif res.type == "AWS::ApiGateway::Deployment" and res.prop("StageName") is not None:
            deployments.append(res)
    if stages:
        return f"${{{stages[0].name}}}"  # !Ref of a stage: its name
    if deployments:
        return _stage_name(deployments[0].prop("StageName"))
    raise FixError("no stage of the template deploys it")


def _fixer(doc: CfnDoc, fixable: list):
    def fix():
        outputs = get(doc.root, "Outputs")
        taken = {str(scalar(k)) for k, _ in items(outputs)}
        pairs = []
        for res, kind, value in fixable:
            base = res.name + WORD[kind].capitalize()
            name, n = base, 2
            while name in taken:
                name, n = f"{base}{n}", n + 1
            taken.add(name)
            cluster_mode = isinstance(value, GetAtt) and value.attr.startswith("Configuration")
            body = {"Description": description(kind, res.name, cluster_mode), "Value": value}
            condition = scalar(get(res.node, "Condition")) if isinstance(res, Resource) else None
            if condition:
                body["Condition"] = condition
            pairs.append((name, body))
        if is_map(outputs):
            return [doc.add_to_mapping(outputs, pairs)]
        if outputs is not None:
            raise FixError("the Outputs section is not a mapping")
        return [doc.add_section("Outputs", dict(pairs), ())]

    return fix
