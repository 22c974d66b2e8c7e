"""api_throttling for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``).

- ``apigateway.RestApi`` / ``LambdaRestApi`` / ``SpecRestApi``: the deployment
  stage's limits go in ``deploy_options=apigateway.StageOptions(throttling_rate_limit=...,
  throttling_burst_limit=...)`` (Go: ``DeployOptions: &awsapigateway.StageOptions{...}``),
  merged into an existing ``StageOptions`` (one with ``method_options`` is left alone).
  ``deploy=False`` creates no stage (no finding).
- ``apigateway.Stage``: the same two props on the stage itself.
- ``apigateway.CfnStage``: a ``MethodSettingProperty(http_method="*", resource_path="/*", ...)``
  in ``method_settings`` (Go: ``&awsapigateway.CfnStage_MethodSettingProperty{...}`` in a
  ``&[]interface{}{...}``), appended to the list, merged into an existing ``*`` / ``/*`` entry.
- ``apigatewayv2.CfnStage``: ``default_route_settings=CfnStage.RouteSettingsProperty(...)``.
- ``apigatewayv2.HttpStage`` / ``WebSocketStage``: ``throttle=ThrottleSettings(rate_limit=..., burst_limit=...)``.
- ``apigatewayv2.HttpApi``: its default stage (``create_default_stage`` not False)
  accepts no throttling props, so the fix is the escape hatch on the stage's L1
  resource, in a statement after the API's::

      http_api.default_stage.node.default_child.add_property_override(
          "DefaultRouteSettings",
          {"ThrottlingBurstLimit": 200, "ThrottlingRateLimit": 100},
      )
      httpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage).AddPropertyOverride(
          jsii.String("DefaultRouteSettings"), map[string]interface{}{...})

  It keeps the stage's logical id (``create_default_stage=False`` plus a new
  ``HttpStage`` would replace the deployed ``$default`` stage and leave
  ``http_api.url`` undefined). The L2 default stage sets no other
  ``DefaultRouteSettings``, so nothing is overwritten. It needs the API's variable
  (without one: reported, not fixed); an override already there is compliant.

The limits are added in the order the type documents them: rate then burst for the L2
props, burst then rate (alphabetical) for the L1 ``*Property`` structs. A limit given by
anything but a number literal (a variable, a parameter, a field of a config) is taken as
set; props, options or method settings not spelled out (a ``**kwargs`` splat, built
elsewhere, ``None``) are left alone. A negative limit (-1 disables throttling) is
reported as unsafe; its fix replaces the value.
"""

from __future__ import annotations

from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.view import New
from iacfix.codemods.spec import ABSENT, UNKNOWN

V1 = "aws_cdk.aws_apigateway"
V2_MODULES = ("aws_cdk.aws_apigatewayv2", "aws_cdk.aws_apigatewayv2_alpha")
REST_APIS = tuple(f"{V1}.{n}" for n in ("RestApi", "LambdaRestApi", "SpecRestApi"))
V2 = {f"{mod}.{cls}": mod for mod in V2_MODULES for cls in ("CfnStage", "HttpStage", "WebSocketStage", "HttpApi")}
LIMITS = ("throttling_rate_limit", "throttling_burst_limit")

MISSING, OK, DISABLED = "missing", "ok", "disabled"


def detect(doc, ctx):
    rate, burst = ctx["rate_limit"], ctx["burst_limit"]
    for c in cdk_file(doc, ctx).constructs(*REST_APIS, f"{V1}.Stage", f"{V1}.CfnStage", *V2):
        if c.opaque:
            continue
        cls = c.qualname.rpartition(".")[2]
        if c.qualname in REST_APIS:
            yield from _rest_api(c, rate, burst)
        elif c.qualname == f"{V1}.Stage":
            yield from _check(c, c, _stage_label(c), rate, burst)
        elif c.qualname == f"{V1}.CfnStage":
            yield from _cfn_stage_v1(c, rate, burst)
        elif cls == "CfnStage":
            yield from _struct(c, _stage_label(c), "default_route_settings", f"{c.qualname}.RouteSettingsProperty",
                               LIMITS, rate, burst)
        elif cls == "HttpApi":
            yield from _http_api(c, rate, burst)
        else:  # HttpStage, WebSocketStage
            yield from _struct(c, _stage_label(c), "throttle", f"{V2[c.qualname]}.ThrottleSettings",
                               ("rate_limit", "burst_limit"), rate, burst)


# ------------------------------------------------------------------ evaluation
def _status(props, prop):
    if not props.has(prop):
        return MISSING
    v = props.value(prop)
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return UNKNOWN
    return DISABLED if v < 0 else OK


def _gap(c, label, statuses, fix):
    """statuses: {"rate": status, "burst": status} with no UNKNOWN and not all OK."""
    missing = [k for k, s in statuses.items() if s == MISSING]
    disabled = [k for k, s in statuses.items() if s == DISABLED]
    if disabled:
        msg = f"{label} has throttling disabled (negative {' and '.join(disabled)} limit)"
    elif len(missing) == 2:
        msg = f"{label} has no throttling limits"
    else:
        msg = f"{label} has no throttling {missing[0]} limit"
    return c.gap(msg, fix, unsafe=bool(disabled))


def _limits(keys, rate, burst, l1):
    """The limits to write: rate then burst, burst then rate on an L1 ``*Property``."""
    pairs = [(keys[0], rate), (keys[1], burst)]
    return pairs[::-1] if l1 else pairs


def _check(c, props, label, rate, burst, keys=LIMITS, l1=False):
    """A finding when the ``props`` (the construct's or a struct's) lack a limit or disable one."""
    statuses = {"rate": _status(props, keys[0]), "burst": _status(props, keys[1])}
    if UNKNOWN in statuses.values() or set(statuses.values()) == {OK}:
        return
    fix = [(k, v) for k, v in _limits(keys, rate, burst, l1) if _status(props, k) != OK]
    yield _gap(c, label, statuses, c.fixer(lambda: props.edit(set=fix)))


def _missing(c, label, write):
    return _gap(c, label, {"rate": MISSING, "burst": MISSING}, c.fixer(write))


def _stage_label(c):
    name = c.value("stage_name")
    return f"API stage '{name if isinstance(name, str) and name else c.name}'"


def _struct(c, label, prop, qualname, keys, rate, burst):
    """The limits in the struct ``prop``: a new one when absent, merged into one spelled out."""
    s = c.struct(prop, qualname)
    l1 = qualname.endswith("Property")
    if s is ABSENT and not c.has(prop):
        new = New(qualname, tuple(_limits(keys, rate, burst, l1)))
        yield _missing(c, label, lambda: c.edit(set=[(prop, new)]))
    elif s not in (ABSENT, UNKNOWN):
        yield from _check(c, s, label, rate, burst, keys, l1)


# -------------------------------------------------------------------- REST v1
def _rest_api(c, rate, burst):
    if c.has("deploy") and c.value("deploy") is not True:
        return  # deploy=False: no stage; anything else: unknown
    if not c.has("deploy_options"):
        label = f"API stage 'prod' of REST API '{c.name}'"
        yield from _struct(c, label, "deploy_options", f"{V1}.StageOptions", LIMITS, rate, burst)
        return
    opts = c.struct("deploy_options", f"{V1}.StageOptions")
    if opts in (ABSENT, UNKNOWN) or opts.has("method_options"):
        return  # options built elsewhere: unknown
    stage = opts.value("stage_name") if opts.has("stage_name") else "prod"
    label = (f"API stage '{stage}' of REST API '{c.name}'" if isinstance(stage, str) and stage
             else f"API stage of REST API '{c.name}'")
    yield from _check(c, opts, label, rate, burst)


def _cfn_stage_v1(c, rate, burst):
    label = _stage_label(c)
    prop = f"{V1}.CfnStage.MethodSettingProperty"
    entry = New(prop, (("http_method", "*"), ("resource_path", "/*")) + tuple(_limits(LIMITS, rate, burst, True)))
    settings = c.structs("method_settings", prop)
    if settings is ABSENT and not c.has("method_settings"):
        yield _missing(c, label, lambda: c.edit(set=[("method_settings", [entry])]))
        return
    if settings in (ABSENT, UNKNOWN):
        return  # settings built elsewhere, or an entry we cannot read
    star = [s for s in settings if (s.value("http_method"), s.value("resource_path")) == ("*", "/*")]
    if not star:
        yield _missing(c, label, lambda: c.append("method_settings", entry))
    else:
        yield from _check(c, star[-1], label, rate, burst, l1=True)


# --------------------------------------------------------------- HTTP/WS v2
def _http_api(c, rate, burst):
    if c.has("create_default_stage") and c.value("create_default_stage") is not True:
        return  # no default stage, or one the file cannot tell
    if c.target and c.overridden(("default_stage",), "DefaultRouteSettings"):
        return
    value = {"ThrottlingBurstLimit": burst, "ThrottlingRateLimit": rate}
    fix = c.fixer(lambda: c.add_property_override(("default_stage",), f"{V2[c.qualname]}.CfnStage",
                                                  "DefaultRouteSettings", value))
    yield _gap(c, f"Default stage of HTTP API '{c.name}'", {"rate": MISSING, "burst": MISSING},
               fix if c.own_statement else None)  # the override needs the API's variable
