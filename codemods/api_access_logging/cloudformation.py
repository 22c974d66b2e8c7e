"""api_access_logging for CloudFormation: API stages write JSON access logs to a log group.

Checked: ``AccessLogSetting`` on ``AWS::ApiGateway::Stage`` and
``AWS::Serverless::Api``, ``StageDescription.AccessLogSetting`` on an
``AWS::ApiGateway::Deployment`` that creates its stage (has a ``StageName``), and
``AccessLogSettings`` on ``AWS::ApiGatewayV2::Stage`` (HTTP and WebSocket) and
``AWS::Serverless::HttpApi``. A setting of any content (a parameter, an ``!If``)
is compliant; a value in SAM ``Globals: Api`` / ``Globals: HttpApi`` counts as set.

The fix adds a new ``AWS::Logs::LogGroup`` right after the stage (logical id
``<Stage>AccessLogs``; ``RetentionInDays`` from ``retention_days``; the stage's
``Condition``; the stage's tags copied — a deployment's from its REST API; a map
of literal tags, as V2 stages and SAM APIs write them, becomes the log group's
``Key``/``Value`` list, laid out as required-tags lays out a new list — so that
required-tags finds it already tagged in any order) and points the stage at it:
``DestinationArn: !GetAtt <LogGroup>.Arn`` and ``Format``, the one-line JSON of
``formats.REST`` (REST stages) or ``formats.HTTP`` (HTTP/WebSocket stages),
single-quoted in YAML. The log group gets a ``LogGroupName`` only when the
template names its log groups: ``<API name>-<stage>-access-logs`` built like the
API's ``Name`` (a literal or a one-string ``!Sub``, the suffix kept last); no
name when the API has none. Properties are placed so that api-throttling and
api-tracing give the same template in any order (the catalog's ``spec.ORDER``).

The APIs SAM creates for function events without ``RestApiId`` / ``ApiId``
(``ServerlessRestApi``, stage ``Prod``; ``ServerlessHttpApi``, stage ``$default``) take
their setting from ``Globals: Api`` / ``Globals: HttpApi``: the fix writes it there
(created when absent) and adds the log group ``<ServerlessRestApi>AccessLogs`` right
before the first function whose events make the API (tags copied from ``Globals:
HttpApi: Tags`` and from that function; a name as above from ``Globals: Api: Name``). Globals apply to the
template's ``AWS::Serverless::Api`` / ``HttpApi`` too: while one of them lacks a setting
of its own (with ``DestinationArn`` and ``Format``) it would log into that group, so the
implicit API is reported without a fix until it has one (its own finding gives it one,
and the next pass of the same run fixes the implicit API).

Not covered: the API Gateway account's CloudWatch role that REST stages need to
deliver logs (per account and region: not in a stack's template; a REST stage's
finding says so, unless the template has an ``AWS::ApiGateway::Account``), Kinesis
Data Firehose destinations.
"""

from __future__ import annotations

from iacfix.codemods.api_access_logging import ACCOUNT, account_role_note
from iacfix.codemods.api_access_logging.formats import HTTP, REST, one_line
from iacfix.codemods.common.cloudformation import (
    companion, derived_name, flow_tag_items, function_log_groups, gap, implicit_apis, implicit_gap, implicit_tags,
    tag_list,
)
from iacfix.codemods.lang.cloudformation import add_globals, add_properties, insert
from iacfix.transforms.cloudformation import (
    CfnDoc,
    GetAtt,
    Raw,
    get,
    intrinsic,
    is_map,
    is_null,
    ref_target,
    scalar,
)

LOG_GROUP = "AWS::Logs::LogGroup"
LOGS = "the access log group"  # what tags are copied to
KEYS = ("DestinationArn", "Format")  # what the fix writes in an access log setting
DEPLOYMENT = "AWS::ApiGateway::Deployment"
# stage type → (setting property, format fields, API reference property, SAM Globals section)
STAGES = {
    "AWS::ApiGateway::Stage": ("AccessLogSetting", REST, "RestApiId", None),
    "AWS::Serverless::Api": ("AccessLogSetting", REST, None, "Api"),
    DEPLOYMENT: ("AccessLogSetting", REST, "RestApiId", None),
    "AWS::ApiGatewayV2::Stage": ("AccessLogSettings", HTTP, "ApiId", None),
    "AWS::Serverless::HttpApi": ("AccessLogSettings", HTTP, None, "HttpApi"),
}


def _needs_role(doc: CfnDoc, fields) -> bool:
    """A REST stage of a template that does not set the account's CloudWatch role: its fix
    deploys only where the account has one (unsafe)."""
    return fields is REST and not any(r.type == ACCOUNT["cloudformation"] for r in doc.resources())


def _says(doc: CfnDoc, fields) -> str:
    """A finding's words: of a REST stage, with the account's role unless the template sets it."""
    if _needs_role(doc, fields):
        return f"has no access logging; {account_role_note('cloudformation')}"
    return "has no access logging"


def detect(doc: CfnDoc, ctx):
    globals_node = get(doc.root, "Globals")
    for api in implicit_apis(doc):
        setting, fields = STAGES[api.type][:2]
        if get(get(globals_node, api.section), setting) is not None:
            continue
        yield implicit_gap(doc, api, _says(doc, fields), prop=setting, keys=KEYS, detail="implicit-api",
                           fix=_implicit_fixer(doc, api, int(ctx["retention_days"])),
                           unsafe=_needs_role(doc, fields))
    for res in doc.resources():
        if res.type not in STAGES:
            continue
        setting, fields, _api, section = STAGES[res.type]
        props = res.properties
        if props is not None and (not is_map(props) or intrinsic(props)) and not is_null(props):
            continue  # Properties from an intrinsic: unknown
        holder = props
        if res.type == DEPLOYMENT:
            if res.prop("StageName") is None:
                continue  # does not create a stage
            holder = res.prop("StageDescription")
            if holder is not None and (not is_map(holder) or intrinsic(holder)):
                continue
        if get(holder, setting) is not None:
            continue
        if section and get(get(globals_node, section), setting) is not None:
            continue
        label = scalar(res.prop("StageName")) or res.name
        yield gap(doc, res, f"API stage '{label}' {_says(doc, fields)}",
                  fix=_fixer(doc, res, int(ctx["retention_days"])), unsafe=_needs_role(doc, fields))


def _fixer(doc: CfnDoc, res, retention: int):
    def fix():
        setting, fields, _api, _section = STAGES[res.type]
        group = doc.unique_id(res.name + "AccessLogs")
        value = _setting(doc, group, fields)
        if res.type == DEPLOYMENT:
            desc = res.prop("StageDescription")
            if desc is None:
                edit = doc.add_property(res, [("StageDescription", {setting: value})])
            else:
                edit = insert(doc, res, desc, [(setting, value)], within="stage_description")
        else:
            edit = add_properties(doc, res, [(setting, value)])
        body = _log_group(doc, res, retention)
        return [edit, doc.insert_resource_after(res, group, body, flow_items=flow_tag_items(doc))]

    return fix


def _setting(doc: CfnDoc, group: str, fields) -> dict:
    fmt = one_line(fields)
    return {
        "DestinationArn": GetAtt(group, "Arn"),
        "Format": fmt if doc.style.json else Raw("'" + fmt.replace("'", "''") + "'"),
    }


def _implicit_fixer(doc: CfnDoc, api, retention: int):
    """The API SAM creates for function events: its setting in ``Globals``, its log group
    right before the first function whose events make it (nothing else goes there, so that
    a companion another codemod adds after a resource keeps its place in any order)."""
    def fix():
        setting, fields, _api, section = STAGES[api.type]
        group = doc.unique_id(api.name + "AccessLogs")
        holder = get(get(doc.root, "Globals"), section)
        props = {}
        if _names_log_groups(doc) and is_map(holder):
            name = derived_name(get(holder, "Name"), f"{api.stage}-access-logs"
                                if api.stage.isalnum() else "access-logs")
            if name is not None:
                props["LogGroupName"] = name
        props["RetentionInDays"] = retention
        tags = implicit_tags(doc, api, LOGS)
        if tags is not None:
            props["Tags"] = tags
        body = {"Type": LOG_GROUP, "Properties": props}
        return [add_globals(doc, api.type, [(setting, _setting(doc, group, fields))]),
                doc.insert_resource_before(api.first, group, body, flow_items=flow_tag_items(doc))]

    return fix


def _log_group(doc: CfnDoc, res, retention: int) -> dict:
    props = {}
    if _names_log_groups(doc):
        name = _name(doc, res)
        if name is not None:
            props["LogGroupName"] = name
    props["RetentionInDays"] = retention
    tags = _tags(doc, res)
    if tags is not None:
        props["Tags"] = tags
    return companion(res, {"Type": LOG_GROUP, "Properties": props})


def _names_log_groups(doc: CfnDoc) -> bool:
    # a function's own log group is named as Lambda names it, which says nothing of the template's style
    own = function_log_groups(doc)
    return any(r.type == LOG_GROUP and r.prop("LogGroupName") is not None and r.name not in own
               for r in doc.resources())


def _name(doc: CfnDoc, res):
    """``<API name>-<stage>-access-logs`` in the way the API's name is written, or None."""
    api = res
    ref = STAGES[res.type][2]
    if ref is not None:
        api = doc.resource(ref_target(res.prop(ref)) or "")
        if api is None:
            return None
    stage = scalar(res.prop("StageName"))
    return derived_name(api.prop("Name"), f"{stage}-access-logs" if stage else "access-logs")


def _tags(doc: CfnDoc, res):
    """The tags for the log group, copied from the stage (a deployment: from its REST API),
    as a list of Key/Value (Raw when the stage writes such a block list), or None."""
    source = res
    if res.type == DEPLOYMENT:
        source = doc.resource(ref_target(res.prop("RestApiId")) or "")
        if source is None or not is_map(source.properties):
            return None
    return tag_list(doc, source.properties, source.name, LOGS)
