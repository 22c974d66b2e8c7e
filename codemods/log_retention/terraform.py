"""log_retention for Terraform: a Lambda function's own log group.

An ``aws_lambda_function`` logs to ``/aws/lambda/<function_name>``, which Lambda creates on
its first invocation, keeping logs forever. Unless the module declares that group (an
``aws_cloudwatch_log_group`` whose ``name`` is ``/aws/lambda/`` and the function's
``function_name`` expression, or ``${aws_lambda_function.<label>.function_name}``) or the
function sends its logs elsewhere (``logging_config { log_group = ... }``), a new
``aws_cloudwatch_log_group "<label>_logs"`` goes right after the function: named from the
function's own ``function_name`` expression (never a reference to the function: the function
depends on the group), with the ``retention_days`` parameter, the function's provider and
region and tags, and the function ``depends_on`` it, so that the group exists before the
first invocation.

The fix is unsafe: on a function that has already run, ``/aws/lambda/<name>`` exists and
creating it fails until it is imported; the message says how.
A function with count/for_each is reported, not fixed.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX, function_log_group_note
from iacfix.codemods.common.terraform import (
    copied_tags, counted, function_log_group_names, gap, label_for, logs_elsewhere, name_template, served_by,
)
from iacfix.codemods.log_retention import FUNCTION_RULE
from iacfix.core import module_docs
from iacfix.transforms.terraform import TfDoc, add_list_item, insert_after_block, insert_into_block, references, render_block

FUNCTION = "aws_lambda_function"
LOG_GROUP = "aws_cloudwatch_log_group"


def detect(doc: TfDoc, ctx):
    functions = doc.resources(FUNCTION)
    if not functions:
        return
    declared = None
    for fn in functions:
        a = fn.attr("function_name")
        if a is None or logs_elsewhere(fn):
            continue  # function_name is required: without it the file says nothing
        if declared is None:
            declared = {name_template(d.source(g.attr("name").value))
                        for _, d in module_docs(doc) for g in d.resources(LOG_GROUP) if g.attr("name") is not None}
        if function_log_group_names(doc, fn) & declared:
            continue
        src = doc.source(a.value).strip()
        key = name_template(src)
        label = label_for(doc, LOG_GROUP, fn.labels[1], "logs")
        msg = f"Lambda function '{key if key is not None and src.startswith(chr(34)) else src}' {FUNCTION_RULE}"
        if counted(fn):
            yield gap(fn, msg + " (count/for_each: not fixed automatically)")
        elif key is None:
            yield gap(fn, msg + " (function_name spans lines: not fixed automatically)")
        else:
            name = LAMBDA_LOG_GROUP_PREFIX + key
            note = function_log_group_note(name, f"terraform import {LOG_GROUP}.{label} {name}")
            yield gap(fn, f"{msg}; {note}", fix=_fixer(doc, fn, label, name, ctx), unsafe=True)


def _fixer(doc: TfDoc, fn, label: str, name: str, ctx):
    def fix():
        items = [("name", f'"{name}"'), ("retention_in_days", str(int(ctx["retention_days"])))]
        tags = copied_tags(doc, fn)
        if tags is not None:
            # tagged like the function, so that fixing tags before or after gives one file
            items.append(("", tags))
        block = render_block("resource", [LOG_GROUP, label], served_by(doc, fn, LOG_GROUP, items), doc.unit)
        dep = f"{LOG_GROUP}.{label}"
        existing = fn.attr("depends_on")
        if existing is not None:
            edits = add_list_item(doc, existing.value, dep, ordered=True)
        else:
            edits = insert_into_block(doc, fn, [("depends_on", f"[{dep}]")], kind="tail")
        edits.append(insert_after_block(doc, _last_companion(doc, fn), block))
        return edits

    return fix


# What other codemods put right after a function (its dead-letter queue, its grant).
COMPANIONS = ("aws_sqs_queue", "aws_sns_topic", "aws_iam_role_policy")


def _last_companion(doc: TfDoc, fn):
    """Where the group goes: after the function, and after the resources right after it
    that it refers to (its dead-letter queue, the grant it depends on), so that the file
    is the same whichever codemod wrote its companion first."""
    refs = set(references(fn.node))
    blocks = doc.blocks
    i = next(k for k, b in enumerate(blocks) if b is fn)
    while (i + 1 < len(blocks) and blocks[i + 1].type == "resource" and blocks[i + 1].labels[0] in COMPANIONS
           and tuple(blocks[i + 1].labels[:2]) in refs):
        i += 1
    return blocks[i]
