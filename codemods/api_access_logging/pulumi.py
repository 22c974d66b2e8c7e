"""api-access-logging for Pulumi Python.

Every API stage — ``apigateway.Stage`` (REST) and ``apigatewayv2.Stage`` (HTTP and
WebSocket) — has ``access_log_settings``. Any existing value (an Args call, a
dict, a variable) is compliant. A stage without gets, created just before it
(it must exist first), a log group with the configured ``retention_days``, copying
the stage's ``tags=`` expression (so required-tags finds nothing more to do, in
whichever order they run) and its parent/provider, and the stage points at it::

    prod_stage_access_logs = aws.cloudwatch.LogGroup(
        f"orders-prod-access-logs-{environment_suffix}",
        retention_in_days=30,
    )

    prod_stage = aws.apigatewayv2.Stage(
        ...,
        access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
            destination_arn=prod_stage_access_logs.arn,
            format=json.dumps({"requestId": "$context.requestId", ...}),
        ),
    )

The format is always ``json.dumps({...})`` of the fields of
``codemods/api_access_logging/formats.py`` (REST stages log the resource path,
v2 stages the route key): readable, reviewable field by field, and laid out
within the file's line width where the one-line JSON string would run to 250
columns; ``import json`` is added when the file lacks it. The log group gets
no physical ``name=``: Pulumi auto-names it from its resource name (the
stage's name with ``access-logs``), as it does the stage's other resources.

An HTTP API created by ``apigatewayv2.Api(target=..., route_key=...)`` (quick
create) gets its ``$default`` stage from API Gateway, with no access logs and no
stage resource to give them to: reported, saying to declare the stage instead.

Not covered: the stage a ``apigateway.Deployment`` creates through its
deprecated ``stage_name``, and the account-level CloudWatch role REST APIs need to deliver logs
(``apigateway.Account``), which is per account and region: a REST stage's finding says so,
unless the program has an ``apigateway.Account``.
"""

from __future__ import annotations

from iacfix.codemods.api_access_logging import account_role_note, formats
from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.lang import pulumi as lang
from iacfix.core import Gap
from iacfix.transforms import python as py

STAGES = {"apigateway.Stage": formats.REST, "apigatewayv2.Stage": formats.HTTP}


def detect(doc, ctx):
    for api in pc.quick_created_apis(doc):
        yield pc.quick_create_gap(api, "access logging", "quick-create")
    account = None
    for st in pc.aws_calls(doc, *STAGES):
        if pc.has_splat(st) or pc.kw_value(st, "access_log_settings") is not None:
            continue
        msg = f"API stage '{pc.display(st)}' has no access logging"
        needs_role = False  # a REST stage deploys its logs only where the account has the role
        if STAGES[st.qualname[len(pc.AWS) + 1:]] is formats.REST:
            if account is None:  # the program sets the account's CloudWatch role itself
                account = bool(pc.aws_calls(doc, "apigateway.Account"))
            if not account:
                msg += f"; {account_role_note('pulumi')}"
                needs_role = True
        yield Gap(
            **pc.where(st),
            resource_type=pc.rtype(st),
            resource_name=pc.label(st),
            message=msg,
            fix=(lambda st=st: _fix(doc, ctx, st)) if pc.standalone(st) else None,
            unsafe=needs_role,
            detail="access-logging",
        )


def _fix(doc, ctx, st):
    module = st.qualname[len(pc.AWS) + 1:].rpartition(".")[0]  # apigateway / apigatewayv2
    like = pc.name_node(st)
    q = lambda s: py.str_code(doc, s, like)  # noqa: E731

    log_cls, edits = pc.aws_name(doc, "cloudwatch.LogGroup")
    args = [
        (None, py.Code(pc.derive_name(doc, like, "access-logs"))),
        ("retention_in_days", py.Code(str(ctx["retention_days"]))),
    ]
    tags = pc.kw_value(st, "tags")
    if tags is not None:
        args.append(("tags", py.Code(doc.source(tags))))
    opts = pc.opts_for_new(doc, st)
    if opts is not None:
        args.append(("opts", opts))
    var = pc.derive_var(doc, pc.var(st) or pc.var_from_name(st), "access-logs", "access_log_group")
    code = pc.statement_code(doc, st, var, log_cls, args)

    json_ref, more = doc.import_stdlib("json")
    edits += more
    fields = STAGES[st.qualname[len(pc.AWS) + 1:]]
    fmt = py.Call(f"{json_ref}.dumps", [(None, py.Dict([(q(k), py.Code(q(v))) for k, v in fields.items()]))])
    settings_cls, more = pc.aws_name(doc, f"{module}.StageAccessLogSettingsArgs")
    edits += more
    value = py.Call(settings_cls, [("destination_arn", py.Code(f"{var}.arn")), ("format", fmt)])
    edits += doc.insert_before_statement(pc.statement(st), code, blank_line=None)
    # where the catalog's order puts it (before api-throttling's default_route_settings and
    # api-tracing's xray_tracing_enabled): the same arguments whichever codemod runs first
    edits += lang.add_kwargs(doc, pc.props_call(st), st.qualname[len(pc.AWS) + 1:], [("access_log_settings", value)])
    return py.dedupe(edits)
