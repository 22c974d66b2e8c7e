"""stack_outputs for Pulumi Python: a ``pulumi.export`` for each API, table, queue, topic,
database and cache of the program that no export of the program refers to yet.

    pulumi.export("orders_queue_url", orders_queue.url)

at the end of the file (``import pulumi`` added when missing), named ``<variable>_<noun>_<word>``
(the noun left out when the variable has it), in the order of the resources. Every export goes
to the same place, so each gap's fix writes them all (not a suppressed resource's): one pass of
the engine, however many. Watched (``kinds``): ``aws.apigateway.RestApi``
(the ``invoke_url`` of an ``aws.apigateway.Stage`` of the file deploying it; without one,
reported without a fix), ``aws.apigatewayv2.Api`` (``api_endpoint``), ``aws.dynamodb.Table``
(``name``), ``aws.sqs.Queue`` (``url``), ``aws.sns.Topic`` (``arn``), ``aws.rds.Instance``
(``address``), ``aws.rds.Cluster`` (``endpoint``), ``aws.elasticache.ReplicationGroup``
(``primary_endpoint_address``; ``configuration_endpoint_address`` in cluster mode). Left to the
codemods that make or serve them: dead-letter queues (a ``redrive_policy`` or
``dead_letter_config`` refers to them), topics an alarm notifies or whose variable or name says
alarms.

Compliant: a ``pulumi.export`` of any file of the program whose value refers to the
resource's variable (for a REST API, or its stage's). A resource that is not assigned to a
variable at the top level of the file (inside a function or component) is reported without a
fix: its value is not in reach there.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.aws import alarm_topic_name
from iacfix.codemods.stack_outputs import WORD, output_name
from iacfix.core import FixError, Gap, module_docs
from iacfix.transforms import python as py

# class → (kind, noun, attribute)
CLASSES = {
    "apigateway.RestApi": ("api", "api", None),
    "apigatewayv2.Api": ("api", "api", "api_endpoint"),
    "dynamodb.Table": ("table", "table", "name"),
    "sqs.Queue": ("queue", "queue", "url"),
    "sns.Topic": ("topic", "topic", "arn"),
    "rds.Instance": ("database", "db", "address"),
    "rds.Cluster": ("database", "cluster", "endpoint"),
    "elasticache.ReplicationGroup": ("cache", "cache", "primary_endpoint_address"),
}
NOUN = {"api": "API", "table": "table", "queue": "queue", "topic": "topic", "database": "database", "cache": "cache"}
EXPORT = "pulumi.export"


def detect(doc, ctx):
    kinds = set(ctx["kinds"])
    watched = [s for s in pc.aws_calls(doc, *CLASSES) if CLASSES[_cls(s)][0] in kinds]
    if not watched:
        return
    exported, names = _exports(doc)
    served = _served(doc)
    stages = _stages(doc)
    fixable: list = []  # every fix writes the exports of all: one pass, however many
    for site in watched:
        kind, noun, attr = CLASSES[_cls(site)]
        v = pc.var(site)
        if v and (v in exported or v in served):
            continue
        pulumi_name = pc.literal(pc.name_node(site))
        if kind == "topic" and (alarm_topic_name(v.rpartition(".")[2] if v else None)
                                or alarm_topic_name(pulumi_name if isinstance(pulumi_name, str) else None)):
            continue
        api_stages = stages.get(v, []) if _cls(site) == "apigateway.RestApi" and v else []
        if any(s in exported for s in api_stages):
            continue
        msg = f"{NOUN[kind]} '{pc.display(site)}' has no stack export"
        fix = None
        where = pc.where(site)
        if _cls(site) == "apigateway.RestApi" and not api_stages:
            msg += " (no stage of the file deploys it: its invoke URL is the stage's)"
        elif not _top_level(doc, site) or not v or "." in v:
            msg += " (not assigned to a variable at the top level of the program)"
        else:
            if not ctx.suppressed(where["line"], *where["suppress_lines"]):
                fixable.append((site, api_stages[0] if api_stages else None))
            fix = _fixer(doc, fixable)
        yield Gap(**where, resource_type=pc.rtype(site), resource_name=pc.label(site), message=msg, fix=fix)


def _cls(site) -> str:
    return pc.rtype(site)[len("aws."):]


def _top_level(doc, site) -> bool:
    try:
        stmt = pc.statement(site)
    except FixError:
        return False
    return any(s is stmt for s in doc.module.body)


def _exports(doc):
    """(references in the values of the program's exports, the names exported)."""
    refs, names = set(), set()
    for _path, d in module_docs(doc):
        if not hasattr(d, "calls"):
            continue
        for site in d.calls(EXPORT):
            args = [a for a in site.call.args if not a.star]
            if args:
                name = pc.literal(args[0].value)
                if isinstance(name, str):
                    names.add(name)
            for a in args[1:]:
                for r in pc.references(d, a.value):
                    refs.add(r)
                    refs.add(r.rpartition(".")[0])
    return refs, names


def _served(doc) -> set:
    out = set()
    for key in ("redrive_policy", "dead_letter_config", "alarm_actions", "ok_actions", "insufficient_data_actions"):
        for value in pc.kwarg_values(doc, key):
            for r in pc.references(doc, value):
                out.add(r)
                out.add(r.rpartition(".")[0])
    return out


def _stages(doc) -> dict:
    out = {}
    for stage in pc.aws_calls(doc, "apigateway.Stage"):
        sv = pc.var(stage)
        if not sv:
            continue
        for r in pc.references(doc, pc.kw_value(stage, "rest_api")):
            out.setdefault(r.rpartition(".")[0] if r.endswith(".id") else r, []).append(sv)
    return out


def _cluster_mode(site) -> bool:
    groups = pc.literal(pc.kw_value(site, "num_node_groups"))
    mode = pc.literal(pc.kw_value(site, "cluster_mode"))
    return (isinstance(groups, int) and groups > 1) or (isinstance(mode, str) and mode.lower() == "enabled")


def _fixer(doc, fixable: list):
    def fix():
        _exported, names = _exports(doc)
        func, edits = pc.pulumi_name(doc, "export")
        code = "\n".join(_export(doc, site, stage, names, func) for site, stage in fixable)
        last = doc.module.body[-1]
        after = doc.insert_after_statement(last, code, blank_line=_blank(doc, last))
        if isinstance(last, (cst.FunctionDef, cst.ClassDef)):  # two blank lines after a top-level definition
            after = [dataclasses.replace(e, replacement="\n" + e.replacement) for e in after]
        return py.dedupe(edits + after)

    return fix


def _export(doc, site, stage, names: set, func: str) -> str:
    """``pulumi.export("orders_queue_url", orders_queue.url)``, named apart from ``names``
    (the names exported, which it joins)."""
    kind, noun, attr = CLASSES[_cls(site)]
    v = pc.var(site)
    if stage is not None:
        value = f"{stage}.invoke_url"
    else:
        if _cls(site) == "elasticache.ReplicationGroup" and _cluster_mode(site):
            attr = "configuration_endpoint_address"
        value = f"{v}.{attr}"
    base = output_name(v, noun, WORD[kind])
    name, n = base, 2
    while name in names:
        name, n = f"{base}_{n}", n + 1
    names.add(name)
    return f"{func}({py.str_code(doc, name)}, {value})"


def _blank(doc, last) -> bool:
    """A blank line before the first export, none between exports."""
    if isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[0], cst.Expr) \
            and isinstance(last.body[0].value, cst.Call) and doc.code(last.body[0].value.func).endswith("export"):
        return False
    return True
