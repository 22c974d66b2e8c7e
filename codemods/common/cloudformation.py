"""CloudFormation conventions shared by the codemods: the environment parameter,
names derived from a served resource's name, and placeholder rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from iacfix.codemods.common.aws import NOT_COPIED_TAGS, NOT_WRITTEN, says_custom_resource
from iacfix.codemods.common.aws import engine_family as aws_engine_family
from iacfix.core import FixError, Gap
from iacfix.transforms.cloudformation import (
    CfnDoc, MappingNode, Ref, Resource, ScalarNode, SequenceNode, Sub, get, intrinsic, is_map, is_seq, items,
    key_node, ref_target, refs_in, scalar, walk,
)

TOOL = "cloudformation"

# Parameters that hold the environment suffix, in order of preference.
ENV_PARAMS = ("EnvironmentSuffix", "Environment", "Env", "Stage", "EnvironmentName", "EnvName")


def env_param(doc: CfnDoc) -> Optional[str]:
    names = set(doc.parameter_names())
    for p in ENV_PARAMS:
        if p in names:
            return p
    return None


def kebab(name: str) -> str:
    """OrdersKMSKey → orders-kms-key; data_key → data-key."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "-", s)
    return s.strip("-").lower()


_TRAILING_VAR = re.compile(r"-\$\{[A-Za-z0-9_:.]+\}$")


def add_word(name: str, word: str) -> str:
    """orders-${EnvironmentSuffix} → orders-dlq-${EnvironmentSuffix}; orders.fifo → orders-dlq.fifo."""
    fifo = name.endswith(".fifo")
    if fifo:
        name = name[: -len(".fifo")]
    m = _TRAILING_VAR.search(name)
    if m:
        name = name[: m.start()] + "-" + word + name[m.start():]
    else:
        name = f"{name}-{word}"
    return name + (".fifo" if fifo else "")


def derived_name(node, word: str):
    """A name for a companion resource from a served resource's name property:
    a literal or a one-string !Sub. None when the name is absent or unknown."""
    if node is None:
        return None
    s = scalar(node)
    if s is not None:
        return add_word(s, word) if s else None
    fn = intrinsic(node)
    if fn and fn[0] == "Fn::Sub" and isinstance(fn[1], ScalarNode):
        return Sub(add_word(fn[1].value, word))
    return None


def render(doc: CfnDoc, template: str):
    """A tag value with {environment_suffix} / {tool} placeholders, or None when it needs the
    environment suffix and the template has no parameter for it."""
    env = env_param(doc)
    if "{environment_suffix}" in template:
        if env is None:
            return None
        if template == "{environment_suffix}":
            return Ref(env)
        return Sub(template.replace("{tool}", TOOL).replace("{environment_suffix}", "${" + env + "}"))
    return template.replace("{tool}", TOOL)


def gap(doc: CfnDoc, res: Resource, message: str, fix=None, unsafe: bool = False, detail: str = "") -> Gap:
    return Gap(
        line=doc.line_of(res.key),
        column=res.key.start_mark.column + 1,
        end_line=doc.end_line_of(res.node),
        resource_type=res.type,
        resource_name=res.name,
        message=message,
        fix=fix,
        unsafe=unsafe,
        detail=detail,
    )


_DLQ_KEY = re.compile(r"dead.?letter|onfailure", re.I)


def dead_letter_targets(doc: CfnDoc) -> set:
    """Logical ids used as a dead-letter queue or on-failure destination anywhere."""
    out = set()
    for path, node in walk(doc.resources_node):
        if any(_DLQ_KEY.search(p) for p in path[-3:]):
            t = ref_target(node)
            if t:
                out.add(t)
    return out


def copied_tags(doc: CfnDoc, holder, field: str = "Tags", as_written: bool = True):
    """The ``field`` tags of the mapping ``holder`` (a resource's Properties, a Globals
    section) for a resource created to serve it, as the ``[{Key, Value}]`` list such resources
    take: a list copied as written (Raw), a map (SAM) as a list of its entries; without the tags
    that name the served resource or trace it to its code (``NOT_COPIED_TAGS``). ``[]`` when
    there are none to copy, None when they cannot be copied (an intrinsic, a value that
    cannot be copied as written). ``as_written=False``: a list too is written entry by entry
    (a flow list copied into a block mapping)."""
    tags = get(holder, field)
    if tags is None:
        return []
    if is_seq(tags):
        pairs = [(get(item, "Key"), get(item, "Value")) if is_map(item) else (None, None) for item in tags.value]
        if as_written and not any(scalar(k) in NOT_COPIED_TAGS for k, _ in pairs if k is not None):
            return doc.raw(tags, key_node(holder, field))
    elif is_map(tags) and not intrinsic(tags):
        pairs = items(tags)
    else:
        return None
    out = []
    for k, v in pairs:
        key, raw = scalar(k) if k is not None else None, doc.raw(v) if v is not None else None
        if key is None or raw is None:
            return None
        if key not in NOT_COPIED_TAGS:
            out.append({"Key": key, "Value": raw})
    return out


def companion(res: Resource, body: dict) -> dict:
    """A new resource serving ``res``: it exists exactly when ``res`` does (same Condition)."""
    cond = scalar(get(res.node, "Condition"))
    if cond is None:
        return body
    out = {"Type": body["Type"], "Condition": cond}
    out.update((k, v) for k, v in body.items() if k != "Type")
    return out


# top-level sections a new Parameters section goes before (the conventional order)
AFTER_PARAMETERS = ("Rules", "Mappings", "Conditions", "Resources", "Outputs")


def add_env_parameter(doc: CfnDoc, param: str = "EnvironmentSuffix", default: str = "dev"):
    """The edit adding the environment-suffix parameter (``Type: String`` with a default)
    at the end of ``Parameters``, or in a new Parameters section in the conventional
    place. Every codemod that needs the parameter adds it with this exact text, so that
    whichever runs first, the template ends up the same."""
    body = {
        "Type": "String",
        "Default": default,
        "Description": "Suffix that makes resource names unique per environment",
    }
    section = get(doc.root, "Parameters")
    if is_map(section) and (section.value or section.flow_style):
        return doc.add_to_mapping(section, [(param, body)])
    return doc.add_section("Parameters", {param: body}, AFTER_PARAMETERS)


def flow_tag_items(doc: CfnDoc) -> bool:
    """Whether the template writes tag entries as flow mappings ({Key: a, Value: b})."""
    flow = block = 0
    for res in doc.resources():
        tags = res.prop("Tags")
        if is_seq(tags) and (doc.style.json or not tags.flow_style):
            for item in tags.value:
                if isinstance(item, MappingNode):
                    if item.flow_style and item.start_mark.line == item.end_mark.line:
                        flow += 1
                    else:
                        block += 1
    return flow > block


# ------------------------------------------------------------------ a function's log group
FUNCTION_TYPES = ("AWS::Lambda::Function", "AWS::Serverless::Function")
LOG_GROUP = "AWS::Logs::LogGroup"


def name_template(node) -> Optional[str]:
    """A name as the text of a ``!Sub`` template: a literal as it is, ``!Sub 'a-${X}'`` →
    ``a-${X}``, ``!Ref X`` → ``${X}``, a ``!Join`` of those joined. None
    otherwise (unknown)."""
    if node is None:
        return None
    s = scalar(node)
    if s is not None and intrinsic(node) is None:
        return s
    fn = intrinsic(node)
    if fn is None:
        return None
    name, arg = fn
    if name == "Fn::Sub" and isinstance(arg, ScalarNode):
        return arg.value
    if name == "Ref" and isinstance(arg, ScalarNode) and arg.value:
        return "${" + arg.value + "}"
    if name == "Fn::Join" and isinstance(arg, SequenceNode) and len(arg.value) == 2 \
            and scalar(arg.value[0]) is not None and isinstance(arg.value[1], SequenceNode):
        parts = [name_template(p) for p in arg.value[1].value]
        return None if any(p is None for p in parts) else scalar(arg.value[0]).join(parts)
    return None


def function_log_group_names(res: Resource) -> set:
    """The names (``name_template``) a log group can have to be the one the function
    ``res`` logs to: ``/aws/lambda/`` and its FunctionName, or ``${<its logical id>}``."""
    from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX

    out = {LAMBDA_LOG_GROUP_PREFIX + "${" + res.name + "}"}
    key = name_template(res.prop("FunctionName"))
    if key is not None:
        out.add(LAMBDA_LOG_GROUP_PREFIX + key)
    return out


def logging_group(doc: CfnDoc, res: Resource):
    """The ``LoggingConfig`` ``LogGroup`` a function names (for SAM, also in
    ``Globals.Function``), or None."""
    node = get(res.prop("LoggingConfig"), "LogGroup")
    if node is None and res.type == "AWS::Serverless::Function":
        node = get(get(get(get(doc.root, "Globals"), "Function"), "LoggingConfig"), "LogGroup")
    return node


def function_log_groups(doc: CfnDoc) -> set:
    """Logical ids of the log groups a function of the template logs to: named
    ``/aws/lambda/<its FunctionName>`` (or ``${<its logical id>}``), or its LoggingConfig's."""
    names, ids = set(), set()
    for res in doc.resources():
        if res.type in FUNCTION_TYPES:
            names |= function_log_group_names(res)
            target = ref_target(logging_group(doc, res)) if logging_group(doc, res) is not None else None
            if target:
                ids.add(target)
    return {r.name for r in doc.resources()
            if r.type == LOG_GROUP and (r.name in ids or name_template(r.prop("LogGroupName")) in names)}


# ---------------------------------------------------------------------------
# SAM implicit APIs: the API SAM creates for the function events that name none
#
# A function (or state machine) event ``Type: Api`` without ``RestApiId`` attaches to the
# REST API SAM creates as ``ServerlessRestApi`` (stage ``Prod``: its StageName cannot be set
# through Globals); a function event ``Type: HttpApi`` without ``ApiId`` to the HTTP API
# ``ServerlessHttpApi`` (stage ``$default``). Such an API has no resource of its own: its
# properties come from ``Globals: Api`` / ``Globals: HttpApi``, which SAM also merges into
# every ``AWS::Serverless::Api`` / ``HttpApi`` of the template (a resource's own scalar wins,
# mappings merge key by key with its own keys winning, lists are concatenated, Globals
# first, not de-duplicated; ``IgnoreGlobals`` opts a resource out).

# event type → (SAM type of the API, logical id SAM gives it, the event's API property, stage, Globals section)
SAM_IMPLICIT = {
    "Api": ("AWS::Serverless::Api", "ServerlessRestApi", "RestApiId", "Prod", "Api"),
    "HttpApi": ("AWS::Serverless::HttpApi", "ServerlessHttpApi", "ApiId", "$default", "HttpApi"),
}
# resource types whose Events may hold them
SAM_EVENT_SOURCES = {"AWS::Serverless::Function": ("Api", "HttpApi"), "AWS::Serverless::StateMachine": ("Api",)}


# why a companion of a conditional implicit API (``ImplicitApi.conditional``) is not written
IMPLICIT_CONDITIONAL = ("the functions whose events make the API carry a Condition, which SAM gives the API "
                        "too: add the {} by hand, under that condition")


@dataclass
class ImplicitApi:
    type: str  # AWS::Serverless::Api / AWS::Serverless::HttpApi
    name: str  # ServerlessRestApi / ServerlessHttpApi
    stage: str
    section: str  # its Globals section: Api / HttpApi
    events: List[Tuple[Resource, ScalarNode, MappingNode]]  # (function, event key, event)

    @property
    def first(self) -> Resource:
        return self.events[0][0]

    @property
    def conditional(self) -> bool:
        """Does a function making it carry a Condition? SAM then gives the API a condition
        of its own (the functions', or one it makes of several): what refers to the API must
        carry it too, which iacfix does not write."""
        return any(get(fn.node, "Condition") is not None for fn, _k, _e in self.events)


def implicit_apis(doc: CfnDoc) -> List[ImplicitApi]:
    """The APIs SAM creates for events that name no API, each with those events. An event
    whose properties cannot be read (an intrinsic) is not counted; none when the Globals
    section, which holds their properties, cannot be read."""
    top = get(doc.root, "Globals")
    if top is not None and (not is_map(top) or intrinsic(top)):
        return []
    found: dict = {}
    for res in doc.resources():
        kinds = SAM_EVENT_SOURCES.get(res.type)
        events = res.prop("Events") if kinds else None
        if not is_map(events) or intrinsic(events):
            continue
        for key, event in items(events):
            kind = scalar(get(event, "Type")) if is_map(event) else None
            if kind not in kinds:
                continue
            props = get(event, "Properties")
            if props is not None and (not is_map(props) or intrinsic(props)):
                continue
            sam_type, name, api_prop, stage, section = SAM_IMPLICIT[kind]
            if get(props, api_prop) is not None:
                continue
            api = found.setdefault(kind, ImplicitApi(sam_type, name, stage, section, []))
            api.events.append((res, key, event))
    return [found[k] for k in SAM_IMPLICIT if k in found]


def takes_from_globals(res: Resource, prop: str, keys: Tuple[str, ...] = ()) -> bool:
    """Whether an explicit SAM API would take (some of) a ``Globals`` value of ``prop``:
    it has no value of its own, a list (SAM appends its own to the Globals one), or a
    mapping lacking one of ``keys`` (the Globals keys merged into it). Its own scalar or
    intrinsic wins; ``IgnoreGlobals: '*'`` or a list naming ``prop`` opts it out."""
    ignore = get(res.node, "IgnoreGlobals")
    if scalar(ignore) == "*" or (is_seq(ignore) and any(scalar(i) == prop for i in ignore.value)):
        return False
    props = res.properties
    if props is not None and (not is_map(props) or intrinsic(props)):
        return True  # cannot tell
    own = get(props, prop)
    if own is None or is_seq(own):
        return True
    if is_map(own) and not intrinsic(own):
        return any(get(own, k) is None for k in keys)
    return False


def globals_blockers(doc: CfnDoc, api: ImplicitApi, prop: str, keys: Tuple[str, ...] = ()) -> List[str]:
    """The explicit APIs of ``api``'s type that a change of ``Globals: <section>: <prop>``
    would change too (see ``takes_from_globals``)."""
    return [r.name for r in doc.resources() if r.type == api.type and takes_from_globals(r, prop, keys)]


def implicit_gap(doc: CfnDoc, api: ImplicitApi, says: str, fix=None, unsafe: bool = False, detail: str = "",
                 prop: str = "", keys: Tuple[str, ...] = (), writes: Tuple[Tuple[str, Tuple[str, ...]], ...] = (),
                 subject: str = "") -> Gap:
    """The finding on an implicit API's stage (``says``: "has no X-Ray tracing"), placed on
    its first event (an ``iacfix: ignore`` above that event or above its function counts);
    ``subject``: what it is about when not the stage ("REST API": the API as a whole).
    When the fix writes ``Globals: <section>:
    <prop>`` (or the properties of ``writes``: (property, keys)) and explicit APIs of that type
    would take it too, it is reported without fix."""
    fn, key, event = api.events[0]
    names = sorted({r.name for r, _k, _e in api.events})
    subject = subject or f"API stage '{api.stage}' of"
    gap_ = Gap(
        line=doc.line_of(key),
        column=key.start_mark.column + 1,
        end_line=doc.end_line_of(event),
        resource_type=api.type,
        resource_name=api.name,
        message=(f"{subject} {api.name} (the API SAM creates for the {_kind(api)} "
                 f"events of {', '.join(names)}) {says}"),
        fix=fix,
        unsafe=unsafe,
        detail=detail,
        suppress_lines=(doc.line_of(fn.key), doc.line_of(fn.key) - 1),
    )
    blockers = []
    for prop, keys in (((prop, keys),) if prop else ()) + tuple(writes):
        blockers = globals_blockers(doc, api, prop, keys) if fix is not None else []
        if blockers:
            break
    if blockers:
        where, names = f"Globals: {api.section}: {prop}", ", ".join(blockers)
        if prop == "MethodSettings":  # a list: SAM appends it to each API's own, duplicating entries
            event_prop = SAM_IMPLICIT[_kind(api)][2]
            gap_.withhold(f"{where} would also be added to the MethodSettings of {names} (SAM appends "
                          f"Globals lists to an API's own): give the events an explicit API ({event_prop}), "
                          "or set it in Globals by hand")
        else:
            one = len(blockers) == 1
            gap_.withhold(f"{where} would also reach {names}, which {'does' if one else 'do'} not set it "
                          f"{'itself' if one else 'themselves'}: fixed in Globals once {'it does' if one else 'they do'} "
                          f"(the fix of {'its' if one else 'their'} own finding)")
    return gap_


def _kind(api: ImplicitApi) -> str:
    return next(k for k, v in SAM_IMPLICIT.items() if v[0] == api.type)


def answers_cloudformation(res) -> bool:
    """Inline code that answers a custom resource request (``cfnresponse``, the request's
    ``ResponseURL``): the handler of a custom resource, perhaps of another stack, whose
    failure CloudFormation reports where the resource is (a queue would hold nothing useful)."""
    code = get(res.properties, "Code") if res.type == "AWS::Lambda::Function" else None
    text = scalar(get(code, "ZipFile")) if code is not None else scalar(get(res.properties, "InlineCode"))
    return isinstance(text, str) and ("cfnresponse" in text or "ResponseURL" in text)


def described_as_handler(doc: CfnDoc, res) -> bool:
    """The author says the function is a custom resource's handler (typically of another
    stack, its code in S3): in its Description, or in that of an output giving its ARN."""
    if says_custom_resource(scalar(get(res.properties, "Description"))):
        return True
    outputs = get(doc.root, "Outputs")
    for _key, out in items(outputs) if is_map(outputs) else ():
        if is_map(out) and says_custom_resource(scalar(get(out, "Description"))) \
                and any(t.split(".", 1)[0] == res.name for t in refs_in(get(out, "Value"))):
            return True
    return False


def invoked_by_cloudformation(doc: CfnDoc) -> dict:
    """Functions of the template CloudFormation itself invokes, logical id -> why: the
    ``ServiceToken`` of a custom resource, the ``FunctionName`` of a macro, a function whose
    inline code answers CloudFormation, or whose author says it is a custom resource's handler.
    They run during stack operations, whose failure CloudFormation reports itself."""
    out: dict = {}
    for res in doc.resources():
        rtype = str(res.type or "")
        if rtype == "AWS::CloudFormation::CustomResource" or rtype.startswith("Custom::"):
            for r in refs_in(get(res.properties, "ServiceToken")):
                out.setdefault(r.split(".", 1)[0], f"the handler of custom resource {res.name}")
        elif rtype == "AWS::CloudFormation::Macro":
            for r in refs_in(get(res.properties, "FunctionName")):
                out.setdefault(r.split(".", 1)[0], f"the function of macro {res.name}")
    macros = {k: v for k, v in out.items() if v.startswith("the function of macro")}
    if macros:
        # A macro template's other functions whose ARN the macro's function is given (its
        # environment) or the template exports: the handlers of the custom resources the
        # macro writes into the templates it transforms.
        handed = [r for res in doc.resources() if res.name in macros
                  for r in refs_in(get(res.properties, "Environment"))]
        outputs = get(doc.root, "Outputs")
        handed += [r for _k, o in (items(outputs) if is_map(outputs) else ()) for r in refs_in(get(o, "Value"))]
        for r in handed:
            name = r.split(".", 1)[0]
            fn = doc.resource(name)
            if fn is not None and fn.type in FUNCTION_TYPES:
                out.setdefault(name, "the handler of the resources a macro of this template writes")
    for res in doc.resources():
        if res.type in FUNCTION_TYPES and res.name not in out:
            if answers_cloudformation(res):
                out[res.name] = "a custom resource's handler (its code answers CloudFormation)"
            elif described_as_handler(doc, res):
                out[res.name] = "a custom resource's handler, as its description says"
    return out


def run_off_lambda(doc: CfnDoc) -> set:
    """Logical ids of the template's functions the Lambda service does not run in this region:
    deployed at the edge by a CloudFront distribution, or to a Greengrass core (directly or
    through an ``AWS::Lambda::Version``). They cannot use a dead-letter queue, and their
    Errors and Throttles are not the Lambda metrics an alarm here would watch."""
    from iacfix.codemods.common.aws import CLOUDFORMATION_DEVICE, CLOUDFORMATION_EDGE

    versions = {res.name: set(refs_in(get(res.properties, "FunctionName")))
                for res in doc.resources() if res.type == "AWS::Lambda::Version"}
    out: set = set()
    for res in doc.resources():
        if res.type in CLOUDFORMATION_EDGE or res.type in CLOUDFORMATION_DEVICE:
            for r in refs_in(res.properties):
                out.add(r)
                out |= versions.get(r, set())
    return out


# ---------------------------------------------------------------------------
# Parameter groups (rds-parameter-group, elasticache-parameter-group)


def engine_family(res: Resource, family_of, default_engine: Optional[str] = None,
                  no_engine: str = "it does not name its engine"):
    """``aws.engine_family`` of ``res``'s ``Engine`` and ``EngineVersion`` literals."""
    from iacfix.transforms.cloudformation import is_null

    def read(prop):
        node = res.prop(prop)
        if node is None or is_null(node):
            return None
        return scalar(node) if scalar(node) is not None else NOT_WRITTEN

    return aws_engine_family(read("Engine"), read("EngineVersion"), family_of, default_engine, no_engine,
                             version_key="EngineVersion", where="template")


def group_after(doc: CfnDoc, res: Resource, rtype: str, props: dict):
    """(logical id, edit) of a new ``rtype`` resource created for ``res`` (a parameter group),
    with ``props`` and ``res``'s tags (a list of Key/Value, copied as written), its Condition,
    right after it."""
    gid = doc.unique_id(res.name + "ParameterGroup")
    props = dict(props)
    tags = copied_tags(doc, res.properties)
    if tags:
        props["Tags"] = tags
    return gid, doc.insert_resource_after(res, gid, companion(res, {"Type": rtype, "Properties": props}))


def implicit_tags(doc: CfnDoc, api: ImplicitApi, to: str):
    """The tags of a resource made for an implicit API (``to``: what it is, for the error):
    ``Globals: <section>: Tags`` (the API's own), then those of the first function whose
    events make the API that are not among them. The function's count because required-tags
    tags it (not the implicit API): so the new resource is tagged the same whether
    required-tags ran before or after. None when there are none."""
    holder = get(get(doc.root, "Globals"), api.section)
    lists = [tag_list(doc, holder, f"Globals: {api.section}", to) if is_map(holder) else None,
             tag_list(doc, api.first.properties, api.first.name, to) if is_map(api.first.properties) else None]
    lists = [t for t in lists if t is not None]
    if not lists:
        return None
    if len(lists) == 1 or any(not isinstance(t, list) for t in lists):
        return lists[0]
    seen = {e["Key"] for e in lists[0]}
    return lists[0] + [e for e in lists[1] if e["Key"] not in seen] or None


def tag_list(doc: CfnDoc, holder, source: str, to: str):
    """The ``Tags`` of the mapping ``holder`` (a resource's Properties, a Globals section)
    as a list of Key/Value (``copied_tags``; a YAML flow list entry by entry, as required-tags
    writes a new list), or None; FixError when they cannot be copied to ``to``."""
    tags = get(holder, "Tags")
    if tags is None or not (is_seq(tags) or (is_map(tags) and not intrinsic(tags))):
        return None
    copied = copied_tags(doc, holder, as_written=doc.style.json or not (is_seq(tags) and tags.flow_style))
    if copied is None:
        raise FixError(f"the tags of {source} cannot be copied to {to}")
    return copied or None
