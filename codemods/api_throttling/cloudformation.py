"""api_throttling for CloudFormation: API Gateway stages get a rate and burst limit.

- REST stages (AWS::ApiGateway::Stage, AWS::Serverless::Api): a MethodSettings entry
  for every method and path (HttpMethod '*', ResourcePath '/*') with
  ThrottlingRateLimit/ThrottlingBurstLimit, merged into an existing '*' '/*' entry.
  An AWS::ApiGateway::Deployment with a StageName creates its stage: it gets
  stage-wide limits in StageDescription.
- HTTP/WebSocket stages (AWS::ApiGatewayV2::Stage, AWS::Serverless::HttpApi):
  DefaultRouteSettings with the same two properties, merged into existing ones.
- The APIs SAM creates for function events without RestApiId / ApiId
  (ServerlessRestApi, ServerlessHttpApi): the same MethodSettings entry in
  ``Globals: Api`` / DefaultRouteSettings in ``Globals: HttpApi`` (created when absent,
  merged as above). Globals apply to the template's AWS::Serverless::Api / HttpApi too:
  SAM appends a Globals MethodSettings list to an API's own (duplicate entries), so with
  an AWS::Serverless::Api that does not ignore Globals the implicit REST API is reported
  without a fix; an HttpApi that does not set both limits itself holds back the HTTP fix
  (its own finding gives it them first).
A limit from a parameter or another intrinsic is unknown: no finding. A limit of
-1 or 0 (throttling disabled / everything rejected) is an unsafe finding.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation import gap, implicit_apis, implicit_gap
from iacfix.codemods.lang.cloudformation import add_globals
from iacfix.transforms.cloudformation import CfnDoc, get, int_value, intrinsic, is_map, is_null, is_seq, scalar

REST = ("AWS::ApiGateway::Stage", "AWS::Serverless::Api")
DEPLOYMENT = "AWS::ApiGateway::Deployment"  # with StageName it creates the stage (StageDescription)
HTTP = ("AWS::ApiGatewayV2::Stage", "AWS::Serverless::HttpApi")

RATE = "ThrottlingRateLimit"
BURST = "ThrottlingBurstLimit"


def _orders(doc: CfnDoc):
    """Key order the template uses: (ResourcePath before HttpMethod?, rate before burst?)."""
    path_first = rate_first = None
    globals_ = get(doc.root, "Globals")
    holders = [get(globals_, "Api"), get(globals_, "HttpApi")]  # SAM Globals first
    holders += [res.properties for res in doc.resources() if res.type in REST + HTTP]
    for props in holders:
        if not is_map(props):
            continue
        entries = get(props, "MethodSettings")
        maps = [e for e in entries.value if is_map(e)] if is_seq(entries) else []
        if is_map(get(props, "DefaultRouteSettings")):
            maps.append(get(props, "DefaultRouteSettings"))
        for m in maps:
            keys = [k.value for k, _ in m.value]
            if path_first is None and "ResourcePath" in keys and "HttpMethod" in keys:
                path_first = keys.index("ResourcePath") < keys.index("HttpMethod")
            if rate_first is None and RATE in keys and BURST in keys:
                rate_first = keys.index(RATE) < keys.index(BURST)
    return bool(path_first), bool(rate_first)


def _limits(settings, rate: int, burst: int, rate_first: bool = False):
    """(missing [(key, value)], disabled [(node, value)]) for a settings mapping."""
    missing, disabled = [], []
    order = ((RATE, rate), (BURST, burst)) if rate_first else ((BURST, burst), (RATE, rate))
    for key, want in order:
        node = get(settings, key)
        if node is None or is_null(node):
            missing.append((key, want))
        elif int_value(node) is not None and int_value(node) <= 0:
            disabled.append((node, want))
    return missing, disabled


def _wildcard_entry(entries):
    """The '*' '/*' entry of MethodSettings; None if absent; False if an entry is unknown."""
    found = None
    for item in entries.value:
        if not is_map(item):
            return False
        method, path = get(item, "HttpMethod"), get(item, "ResourcePath")
        if (method is not None and scalar(method) is None) or (path is not None and scalar(path) is None):
            return False
        if scalar(method) == "*" and scalar(path) in ("/*", "*", None):
            found = item
    return found


def detect(doc: CfnDoc, ctx):
    rate, burst = int(ctx["rate_limit"]), int(ctx["burst_limit"])
    path_first, rate_first = _orders(doc)
    limits = [(RATE, rate), (BURST, burst)] if rate_first else [(BURST, burst), (RATE, rate)]
    yield from _implicit(doc, rate, burst, path_first, rate_first, limits)
    for res in doc.resources():
        if res.type not in REST + HTTP + (DEPLOYMENT,):
            continue
        props = res.properties
        if props is not None and not is_map(props) and not is_null(props):
            continue
        label = scalar(res.prop("StageName")) or res.name
        if res.type == DEPLOYMENT:
            yield from _deployment(doc, res, label, limits, rate, burst, rate_first)
            continue
        if res.type in HTTP:
            settings = res.prop("DefaultRouteSettings")
            if settings is not None and not is_map(settings):
                continue  # from an intrinsic: unknown
            if settings is None:
                pairs = limits
                fix = lambda res=res, pairs=pairs: [doc.add_property(res, [("DefaultRouteSettings", dict(pairs))])]
                yield gap(doc, res, f"API stage '{label}' has no throttling limits", fix=fix)
                continue
            yield from _report(doc, _maker(doc, res, label), settings, rate, burst, rate_first)
            continue
        entries = res.prop("MethodSettings")
        if entries is not None and (intrinsic(entries) or not is_seq(entries)):
            continue
        entry = _wildcard_entry(entries) if entries is not None else None
        if entry is False:
            continue
        if entry is None:
            target = [("ResourcePath", "/*"), ("HttpMethod", "*")] if path_first else \
                [("HttpMethod", "*"), ("ResourcePath", "/*")]
            new = dict(target + limits)
            if entries is None:
                fix = lambda res=res, new=new: [doc.add_property(res, [("MethodSettings", [new])])]
            else:
                fix = lambda entries=entries, new=new: [doc.append_to_sequence(entries, [new])]
            yield gap(doc, res, f"API stage '{label}' has no throttling limits", fix=fix)
            continue
        yield from _report(doc, _maker(doc, res, label), entry, rate, burst, rate_first)


def _deployment(doc, res, label, limits, rate, burst, rate_first):
    """A deployment that creates its stage: stage-wide limits in StageDescription (or its '*' '/*' entry)."""
    if res.prop("StageName") is None:
        return
    desc = res.prop("StageDescription")
    if desc is None:
        yield gap(doc, res, f"API stage '{label}' has no throttling limits",
                  fix=lambda: [doc.add_property(res, [("StageDescription", dict(limits))])])
        return
    if not is_map(desc):
        return
    entries = get(desc, "MethodSettings")
    if entries is not None and not is_seq(entries):
        return
    entry = _wildcard_entry(entries) if entries is not None else None
    if entry is False:
        return
    if entry is not None and (get(entry, RATE) is not None or get(entry, BURST) is not None):
        desc = entry
    yield from _report(doc, _maker(doc, res, label), desc, rate, burst, rate_first)


def _report(doc, make, settings, rate, burst, rate_first):
    """Gaps for a settings mapping that lacks or disables limits; ``make(says, fix=, unsafe=,
    detail=)`` makes the Gap (the stage's, or the implicit API's)."""
    missing, disabled = _limits(settings, rate, burst, rate_first)
    if missing:
        what = "throttling limits" if len(missing) == 2 else ("rate limit" if missing[0][0] == RATE else "burst limit")
        yield make(f"has no {what}", fix=lambda: [doc.add_to_mapping(settings, missing)])
    if disabled:
        yield make(f"disables throttling (limit set to {disabled[0][0].value})",
                   fix=lambda: [doc.replace_value(n, v) for n, v in disabled],
                   unsafe=True, detail="disabled")


def _maker(doc, res, label):
    def make(says, fix=None, unsafe=False, detail=""):
        return gap(doc, res, f"API stage '{label}' {says}", fix=fix, unsafe=unsafe, detail=detail)
    return make


def _implicit(doc: CfnDoc, rate, burst, path_first, rate_first, limits):
    """The APIs SAM creates for function events without RestApiId/ApiId: their limits go in
    ``Globals: Api: MethodSettings`` / ``Globals: HttpApi: DefaultRouteSettings``."""
    for api in implicit_apis(doc):
        section = get(get(doc.root, "Globals"), api.section)
        http = api.type == "AWS::Serverless::HttpApi"
        prop = "DefaultRouteSettings" if http else "MethodSettings"
        keys = (RATE, BURST) if http else ()

        def make(says, fix=None, unsafe=False, detail="", api=api, prop=prop, keys=keys):
            return implicit_gap(doc, api, says, fix=fix, unsafe=unsafe, detail="implicit-api" + (detail and "-" + detail),
                                prop=prop, keys=keys)

        node = get(section, prop)
        if node is None:
            if http:
                value = dict(limits)
            else:
                target = [("ResourcePath", "/*"), ("HttpMethod", "*")] if path_first else \
                    [("HttpMethod", "*"), ("ResourcePath", "/*")]
                value = [dict(target + limits)]
            yield make("has no throttling limits",
                       fix=lambda api=api, prop=prop, value=value: [add_globals(doc, api.type, [(prop, value)])])
            continue
        if http:
            if is_map(node) and not intrinsic(node):
                yield from _report(doc, make, node, rate, burst, rate_first)
            continue
        if intrinsic(node) or not is_seq(node):
            continue
        entry = _wildcard_entry(node)
        if entry is False:
            continue
        if entry is None:
            target = [("ResourcePath", "/*"), ("HttpMethod", "*")] if path_first else \
                [("HttpMethod", "*"), ("ResourcePath", "/*")]
            new = dict(target + limits)
            yield make("has no throttling limits", fix=lambda node=node, new=new: [doc.append_to_sequence(node, [new])])
            continue
        yield from _report(doc, make, entry, rate, burst, rate_first)
