"""api_access_logging for Terraform: API stages write access logs to a log group.

Checked: every ``aws_api_gateway_stage`` (REST) and ``aws_apigatewayv2_stage``
(HTTP/WebSocket) has an ``access_log_settings`` block; any content (a variable,
a Firehose destination, a ``dynamic`` block) is compliant.
The fix adds a new ``aws_cloudwatch_log_group "<stage label>_access_logs"`` right
after the stage (after an ``aws_api_gateway_method_settings`` of that stage that
directly follows it, so that api-throttling composes in any order) with
``retention_in_days = <retention_days>``, the stage's ``tags`` expression
copied (so that required-tags composes in any order) and no ``lifecycle``
block (the access logs go with their stage; removal-policy leaves alone the log
groups that a stage's ``access_log_settings`` sends logs to, so the two compose in
any order), and an
``access_log_settings { destination_arn = <log group>.arn  format = ... }`` block
in the stage (before a trailing ``default_route_settings``, for the same reason).
The format holds the fields of ``formats.REST`` (REST stages) or ``formats.HTTP``
(v2 stages), always written ``jsonencode({...})`` (one field per line): that is how
Terraform code writes JSON, and choosing the one-line string of ``formats.one_line``
when the file has no ``jsonencode`` yet would make the result depend on whether
another codemod (dead-letter-queue's ``redrive_policy``) added one first.
The log group gets a ``name`` only when the file names its log groups (a Lambda
function's own ``/aws/lambda/`` group does not count: Lambda chose that name): the API's
name with ``-<stage>-access-logs`` inserted before its environment-suffix
interpolation (``"payments-${var.environment_suffix}"`` →
``"payments-prod-access-logs-${var.environment_suffix}"``; the stage part only
for a plain literal stage name), the way dead-letter-queue names its queues, and
the environment suffix appended when the file has one and the derived name is a
plain literal (as environment-suffix would append it: a name that interpolates
anything, such as ``"${local.prefix}-query"``, is left as it is); no name when
the API's name cannot be read.
Not covered: the account-level CloudWatch role REST stages need
(``aws_api_gateway_account``, per account and region), execution logging
(``aws_api_gateway_method_settings`` ``logging_level``), stages of APIs defined
elsewhere are fixed all the same (the log group is unnamed then unless the file
names log groups, and then named after the stage label); ``count``/``for_each``
stages are reported, not fixed.
"""

from __future__ import annotations

import re

from iacfix.codemods.api_access_logging import ACCOUNT, account_role_note, formats
from iacfix.codemods.common.terraform import (
    copied_tags, counted, derived_name, env_var, function_log_groups, gap, label_for, quick_create_gap,
    quick_created_apis, served_by,
)
from iacfix.codemods.lang.terraform import insert_block
from iacfix.core import module_docs
from iacfix.transforms.terraform import (
    TfDoc,
    insert_after_block,
    quote,
    references,
    render_block,
    string_value,
)

STAGES = {
    # type: (API id argument, API resource type, stage name argument, format fields)
    "aws_api_gateway_stage": ("rest_api_id", "aws_api_gateway_rest_api", "stage_name", formats.REST),
    "aws_apigatewayv2_stage": ("api_id", "aws_apigatewayv2_api", "name", formats.HTTP),
}


def detect(doc: TfDoc, ctx):
    for api in quick_created_apis(doc):
        yield quick_create_gap(api, "access logging", "quick-create")
    for stage in doc.resources(*STAGES):
        if stage.block("access_log_settings") is not None:
            continue
        if any(d.labels and d.labels[0] == "access_log_settings" for d in stage.blocks("dynamic")):
            continue
        _, _, name_arg, fields = STAGES[stage.labels[0]]
        name = string_value(stage.attr(name_arg).value) if stage.attr(name_arg) else None
        msg = f"API stage '{name or stage.labels[1]}' has no access logging"
        needs_role = fields is formats.REST and not _sets_account(doc)  # deploys where the account has it
        if needs_role:
            msg += f"; {account_role_note('terraform')}"
        if counted(stage):
            yield gap(stage, msg + " (count/for_each: not fixed automatically)")
            continue
        yield gap(stage, msg, fix=_fixer(doc, stage, ctx), unsafe=needs_role)


def _sets_account(doc: TfDoc) -> bool:
    """Does the module set the account's API Gateway CloudWatch role?"""
    return any(d.resources(ACCOUNT["terraform"]) for _, d in module_docs(doc) if isinstance(d, TfDoc))


def _format(doc: TfDoc, fields) -> str:
    width = max(len(k) for k in fields)
    body = "".join(f"{doc.unit}{k.ljust(width)} = {quote(v)}\n" for k, v in fields.items())
    return "jsonencode({\n" + body + "})"


def _name(doc: TfDoc, stage):
    """The new log group's ``name`` expression, or None (see the module docstring)."""
    # a function's own log group is named as Lambda names it, which says nothing of the file's style
    own = function_log_groups(doc)
    if not any(g.attr("name") is not None and g.labels[1] not in own for g in doc.resources("aws_cloudwatch_log_group")):
        return None
    api_arg, api_type, name_arg, _ = STAGES[stage.labels[0]]
    stage_name = string_value(stage.attr(name_arg).value) if stage.attr(name_arg) else None
    word = f"{stage_name}-access-logs" if stage_name and re.fullmatch(r"[A-Za-z0-9_-]+", stage_name) else "access-logs"
    apis = [n for t, n in references(stage.attr(api_arg).value) if t == api_type] if stage.attr(api_arg) else []
    api = doc.resource(api_type, apis[0]) if apis else None
    if api is None or api.attr("name") is None:
        return None
    name = derived_name(doc, api.attr("name").value, word)
    env = env_var(doc)
    if env and "${" not in name:
        # a plain literal name is suffixed as environment-suffix would suffix it (it then
        # has nothing to add: the codemods compose in any order); a name that interpolates
        # anything (``"${local.prefix}-query"``, whose local may hold the suffix) is not
        name = name[:-1] + "-${" + env + "}" + '"'
    return name


def _fixer(doc: TfDoc, stage, ctx):
    def fix():
        rtype, label = stage.labels
        sep = "-" if ("-" in label and "_" not in label) else "_"
        group = label_for(doc, "aws_cloudwatch_log_group", label, f"access{sep}logs")
        items = []
        name = _name(doc, stage)
        if name is not None:
            items.append(("name", name))
        items.append(("retention_in_days", str(int(ctx["retention_days"]))))
        tags = copied_tags(doc, stage)
        if tags is not None:
            # tagged like the stage, so that fixing tags before or after gives the same file
            items.append(("", tags))
        new = render_block("resource", ["aws_cloudwatch_log_group", group], served_by(doc, stage, "aws_cloudwatch_log_group", items), doc.unit)
        settings = render_block("access_log_settings", [], [
            ("destination_arn", f"aws_cloudwatch_log_group.{group}.arn"),
            ("format", _format(doc, STAGES[rtype][3])),
        ], doc.unit)
        edits = insert_block(doc, stage, "access_log_settings", settings, rtype)
        edits.append(insert_after_block(doc, _after(doc, stage), new))
        return edits

    return fix


def _after(doc: TfDoc, stage):
    """The stage, or the method settings of that stage right after it (api-throttling's)."""
    blocks = doc.blocks
    i = next(k for k, b in enumerate(blocks) if b is stage)
    last = stage
    for b in blocks[i + 1:]:
        if b.type == "resource" and b.labels[0] == "aws_api_gateway_method_settings" and b.attr("stage_name") \
                and ("aws_api_gateway_stage", stage.labels[1]) in references(b.attr("stage_name").value):
            last = b
            continue
        break
    return last
