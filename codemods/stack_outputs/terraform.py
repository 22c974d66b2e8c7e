"""stack_outputs for Terraform: an ``output`` block for each API, table, queue, topic, database
and cache of the module that no output of the module refers to yet.

Watched (``kinds``): ``aws_api_gateway_rest_api`` (the ``invoke_url`` of an
``aws_api_gateway_stage`` of the module deploying it; without one, reported without a fix),
``aws_apigatewayv2_api`` (``api_endpoint``), ``aws_dynamodb_table`` (``name``),
``aws_sqs_queue`` (``url``), ``aws_sns_topic`` (``arn``), ``aws_db_instance`` (``address``),
``aws_rds_cluster`` (``endpoint``), ``aws_elasticache_replication_group``
(``primary_endpoint_address``; ``configuration_endpoint_address`` in cluster mode). Left to the
codemods that make or serve them: dead-letter queues, topics an alarm notifies or whose name
says alarms; an Aurora cluster's instances are not watched (the cluster gives the endpoint).

Compliant: an ``output`` block of any file of the module whose value refers to the resource
(any attribute; for a REST API, to one of its stages too).

The new output::

    output "orders_queue_url" {
      description = "URL of the orders queue"
      value       = aws_sqs_queue.orders.url
    }

named ``<label>_<noun>_<word>`` (the noun left out when the label has it), goes at the end
of the module's ``outputs.tf`` when it has one, else after the last output of the resource's
file, else at the end of that file (outputs close a Terraform file; the alarms codemod puts
its topic before them, so the two compose in any order). A resource with ``count`` gets
``aws_sqs_queue.orders[*].url``, one with ``for_each`` ``{ for k, v in aws_sqs_queue.orders :
k => v.url }``.
"""

from __future__ import annotations

from typing import Optional

from iacfix.codemods.common.aws import alarm_topic_name
from iacfix.codemods.common.terraform import counted, dead_letter_targets, gap, in_file, module_fact
from iacfix.codemods.stack_outputs import WHAT, WORD, output_name
from iacfix.core import Edit, FixError, module_docs
from iacfix.transforms.terraform import (
    TfDoc, insert_after_block, literal, quote, references, render_block, string_value,
)

# type → (kind, noun in names and descriptions, attribute)
TYPES = {
    "aws_api_gateway_rest_api": ("api", "api", None),
    "aws_apigatewayv2_api": ("api", "api", "api_endpoint"),
    "aws_dynamodb_table": ("table", "table", "name"),
    "aws_sqs_queue": ("queue", "queue", "url"),
    "aws_sns_topic": ("topic", "topic", "arn"),
    "aws_db_instance": ("database", "db", "address"),
    "aws_rds_cluster": ("database", "cluster", "endpoint"),
    "aws_elasticache_replication_group": ("cache", "cache", "primary_endpoint_address"),
}
ALARM = "aws_cloudwatch_metric_alarm"
STAGE = "aws_api_gateway_stage"


def detect(doc: TfDoc, ctx):
    kinds = set(ctx["kinds"])
    watched = [r for r in doc.resources(*TYPES) if TYPES[r.labels[0]][0] in kinds]
    if not watched:
        return
    facts = module_fact(doc, "stack-outputs", lambda: _facts(doc))
    output_refs, served, stages = facts["refs"], facts["served"], facts["stages"]
    fixable: list = []  # every fix writes the outputs of all: one pass, however many
    for res in watched:
        rtype, name = res.labels
        kind, noun, _attr = TYPES[rtype]
        if (rtype, name) in output_refs or (rtype, name) in served:
            continue
        if kind == "topic" and (alarm_topic_name(name) or alarm_topic_name(_literal_name(res))):
            continue
        api_stages = stages.get(name, []) if rtype == "aws_api_gateway_rest_api" else []
        if any((STAGE, s) in output_refs for s in api_stages):
            continue
        msg = f"{'API' if kind == 'api' else noun} '{name}' has no output"
        if rtype == "aws_api_gateway_rest_api" and not api_stages:
            yield gap(res, msg + " (no stage of the module deploys it: its invoke URL is the stage's)")
            continue
        if not ctx.suppressed(res.line):
            fixable.append((res, api_stages[0] if api_stages else None))
        yield gap(res, msg, fix=_fixer(doc, fixable))


def _literal_name(res) -> Optional[str]:
    a = res.attr("name")
    return string_value(a.value) if a is not None else None


def _facts(doc: TfDoc) -> dict:
    refs, served, stages, names = set(), set(), {}, set()
    for _path, d in module_docs(doc):
        for out in d.blocks_of("output"):
            names.add(out.labels[0] if out.labels else "")
            v = out.attr("value")
            if v is not None:
                refs.update(references(v.value))
        served |= {("aws_sqs_queue", n) for n in dead_letter_targets(d)}
        for alarm in d.resources(ALARM):
            for key in ("alarm_actions", "ok_actions", "insufficient_data_actions"):
                a = alarm.attr(key)
                if a is not None:
                    served |= {r for r in references(a.value) if r[0] == "aws_sns_topic"}
        for stage in d.resources(STAGE):
            a = stage.attr("rest_api_id")
            for t, n in references(a.value) if a is not None else ():
                if t == "aws_api_gateway_rest_api":
                    stages.setdefault(n, []).append(stage.labels[1])
    return {"refs": refs, "served": served, "stages": stages, "names": names}


def _cluster_mode(res) -> bool:
    a = res.attr("num_node_groups")
    groups = literal(a.value) if a is not None else None
    mode = res.attr("cluster_mode")
    mode = string_value(mode.value) if mode is not None else None
    return (isinstance(groups, int) and groups > 1) or (mode or "").lower() == "enabled"


def _fixer(doc: TfDoc, fixable: list):
    def fix():
        names = set(module_fact(doc, "stack-outputs", lambda: _facts(doc))["names"])
        target_doc = _outputs_file(doc)
        text = "\n\n".join(_output(doc, res, stage, names, target_doc) for res, stage in fixable)
        outputs = target_doc.blocks_of("output")
        if outputs:
            edit = insert_after_block(target_doc, outputs[-1], text)
        elif target_doc.blocks:
            edit = insert_after_block(target_doc, target_doc.blocks[-1], text)
        else:
            edit = Edit(len(target_doc.text), len(target_doc.text), text + "\n")
        return [in_file(doc, target_doc, edit)]

    return fix


def _output(doc: TfDoc, res, stage: Optional[str], names: set, target_doc: TfDoc) -> str:
    rtype, name = res.labels
    kind, noun, attr = TYPES[rtype]
    cluster = rtype == "aws_elasticache_replication_group" and _cluster_mode(res)
    if cluster:
        attr = "configuration_endpoint_address"
    if stage is not None:
        block = _module_block(doc, STAGE, stage)
        if block is not None and counted(block):
            raise FixError("its stage has count/for_each")
        value = f"{STAGE}.{stage}.invoke_url"
    elif res.attr("count") is not None:
        value = f"{rtype}.{name}[*].{attr}"
    elif res.attr("for_each") is not None:
        value = f"{{ for k, v in {rtype}.{name} : k => v.{attr} }}"
    else:
        value = f"{rtype}.{name}.{attr}"
    base = output_name(name, noun, WORD[kind])
    label, n = base, 2
    while label in names:
        label, n = f"{base}_{n}", n + 1
    names.add(label)
    what = "Configuration endpoint address" if cluster else WHAT[kind]
    words = name.replace("-", " ").replace("_", " ")
    thing = words if noun in words.split() else f"{words} {'database' if noun == 'db' else noun}"
    if noun == "api" and "api" in words.split():
        thing = words.replace("api", "API")
    elif noun == "api":
        thing = f"{words} API"
    return render_block("output", [label], [
        ("description", quote(f"{what} of the {thing}")),
        ("value", value),
    ], target_doc.unit)


def _module_block(doc: TfDoc, rtype: str, name: str):
    for _p, d in module_docs(doc):
        b = d.resource(rtype, name)
        if b is not None:
            return b
    return None


def _outputs_file(doc: TfDoc) -> TfDoc:
    for path, d in module_docs(doc):
        if str(path).replace("\\", "/").rsplit("/", 1)[-1] == "outputs.tf":
            return d
    return doc
