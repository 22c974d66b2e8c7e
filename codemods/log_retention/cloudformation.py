"""log_retention for CloudFormation (and SAM): a Lambda function's own log group.

An ``AWS::Lambda::Function`` / ``AWS::Serverless::Function`` logs to
``/aws/lambda/<function name>``, which Lambda creates on its first invocation, keeping logs
forever. Unless the template declares that group (an ``AWS::Logs::LogGroup`` whose
``LogGroupName`` is ``/aws/lambda/`` and the function's ``FunctionName``, the same literal,
``!Sub`` or ``!Ref``, or ``!Sub /aws/lambda/${Function}``) or the function names its
``LoggingConfig`` ``LogGroup`` (SAM: also in ``Globals``), an ``AWS::Logs::LogGroup
"<Function>LogGroup"`` goes right after the function with ``RetentionInDays`` (the
``retention_days`` parameter), the function's Condition and tags:

- with a ``FunctionName``, the group is named from that expression (never a reference to
  the function) and the function ``DependsOn`` it: the group exists before the first
  invocation;
- without one, the name is CloudFormation's, known only once the function exists: the
  group is ``!Sub /aws/lambda/${Function}`` (the usual pattern), with no DependsOn on the
  function (it would be a cycle). It is created right after the function; the template's
  custom resources served by the function (``ServiceToken``), which invoke it during the
  deploy, DependsOn the group. Another invocation in between (an event source of the same
  stack firing at once) would create the group first and fail the deploy: rare, and visible.

Either fix is unsafe: on a function that has already run, the group exists and creating it
fails until it is imported into the stack; the message says so.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import (
    CLOUDFORMATION_CUSTOM_RESOURCE, LAMBDA_LOG_GROUP_PREFIX, NOT_COPIED_TAGS, function_log_group_note,
)
from iacfix.codemods.common.cloudformation import (
    FUNCTION_TYPES, LOG_GROUP, companion, copied_tags, function_log_group_names, gap, logging_group, name_template,
)
from iacfix.codemods.log_retention import FUNCTION_RULE
from iacfix.core import FixError
from iacfix.transforms.cloudformation import (
    CfnDoc, Sub, get, intrinsic, is_map, is_null, is_seq, items, key_node, ref_target, refs_in, scalar,
)

IMPORT = "import it into the stack with a resource import (IaC generator, or `aws cloudformation create-change-set --change-set-type IMPORT`)"


def detect(doc: CfnDoc, ctx):
    functions = [r for r in doc.resources() if r.type in FUNCTION_TYPES]
    if not functions:
        return
    declared = {name_template(r.prop("LogGroupName")) for r in doc.resources() if r.type == LOG_GROUP}
    for res in functions:
        props = res.properties
        if props is not None and not is_map(props) and not is_null(props):
            continue
        if logging_group(doc, res) is not None or function_log_group_names(res) & declared:
            continue
        fname = res.prop("FunctionName")
        key = name_template(fname)
        msg = f"Lambda function '{res.name}' {FUNCTION_RULE}"
        if fname is not None and key is None:
            yield gap(doc, res, msg + " (its FunctionName is an expression iacfix cannot name the group from)")
            continue
        shown = LAMBDA_LOG_GROUP_PREFIX + (key if key is not None else "<its name>")
        note = function_log_group_note(shown, IMPORT)
        yield gap(doc, res, f"{msg}; {note}", fix=_fixer(doc, res, key, ctx), unsafe=True)


def _sam_tags(doc: CfnDoc, res) -> list:
    """A SAM function's tags (``Globals: Function: Tags`` and its own, its own first) as the
    ``[{Key, Value}]`` list a log group takes; empty when a value cannot be copied as it is."""
    pairs: dict = {}
    for holder in (res.properties, get(get(doc.root, "Globals"), "Function")):
        tags = get(holder, "Tags")
        if not is_map(tags) or intrinsic(tags):
            continue
        for k, v in items(tags):
            key = scalar(k)
            value = doc.raw(v) if key is not None else None
            if key is None or value is None:
                return []
            if key not in NOT_COPIED_TAGS:  # not the function's Name, nor its provenance
                pairs.setdefault(key, value)
    return [{"Key": k, "Value": v} for k, v in pairs.items()]


def _fixer(doc: CfnDoc, res, key, ctx):
    def fix():
        group = doc.unique_id(res.name + "LogGroup")
        name = LAMBDA_LOG_GROUP_PREFIX + (key if key is not None else "${" + res.name + "}")
        props = {"LogGroupName": Sub(name) if "${" in name else name,
                 "RetentionInDays": int(ctx["retention_days"])}
        tags = res.prop("Tags")
        # tagged like the function, so that fixing tags before or after gives one template
        if is_seq(tags) and res.type == "AWS::Lambda::Function":
            copied = copied_tags(doc, res.properties)
            if copied:
                props["Tags"] = copied
        elif res.type != "AWS::Lambda::Function":
            listed = _sam_tags(doc, res)  # SAM tags are a map (with Globals'): a log group takes a list
            if listed:
                props["Tags"] = listed
        edits = [doc.insert_resource_after(_last_companion(doc, res), group,
                                           companion(res, {"Type": LOG_GROUP, "Properties": props}))]
        if key is not None:
            edits.append(_depends_on(doc, res, group))
        else:
            # custom resources invoke the function during the deploy: they wait for the group
            for other in doc.resources():
                if other.type.startswith(CLOUDFORMATION_CUSTOM_RESOURCE) \
                        and ref_target(other.prop("ServiceToken")) == res.name:
                    edits.append(_depends_on(doc, other, group))
        return edits

    return fix


def _depends_on(doc: CfnDoc, res, group: str):
    dep = get(res.node, "DependsOn")
    if dep is None:
        return doc.add_to_mapping(res.node, [("DependsOn", group)], before=key_node(res.node, "Properties"))
    if is_seq(dep):
        return doc.append_to_sequence(dep, [group])
    if scalar(dep) is not None:
        return doc.replace_value(dep, [scalar(dep), group])
    raise FixError(f"the DependsOn of {res.name} is not a list iacfix can extend")


# What other codemods put right after a function (its dead-letter queue or topic).
COMPANIONS = ("AWS::SQS::Queue", "AWS::SNS::Topic")


def _last_companion(doc: CfnDoc, res):
    """After the function and the companions right after it that it refers to (its
    dead-letter queue), so that the template is the same whichever codemod ran first."""
    refs = set(refs_in(res.node))
    resources = doc.resources()
    i = next(k for k, r in enumerate(resources) if r.name == res.name)
    while i + 1 < len(resources) and resources[i + 1].name in refs and resources[i + 1].type in COMPANIONS:
        i += 1
    return resources[i]
