"""api_cors for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``), only in an app whose APIs browsers call (``frontend``):

- ``apigatewayv2.HttpApi`` (and the alpha module's): ``cors_preflight=apigwv2.CorsPreflightOptions(
  allow_origins=[...], allow_methods=[apigwv2.CorsHttpMethod.ANY], allow_headers=[...])``
  (Go: ``CorsPreflight: &awsapigatewayv2.CorsPreflightOptions{...}``);
- ``apigatewayv2.CfnApi`` with ``protocol_type="HTTP"``: ``cors_configuration=CfnApi.CorsProperty(...)``;
- ``apigateway.RestApi`` / ``LambdaRestApi``: ``default_cors_preflight_options=apigw.CorsOptions(
  allow_origins=[...], allow_headers=[...])``, from which CDK adds an OPTIONS method to every
  resource; ``allow_methods`` only when allow-methods is not ``["*"]`` (CDK's default is every
  method). An ``add_cors_preflight`` call on the API's resources is the author's preflight.

Any CORS prop given (even an empty one, or one built elsewhere) is the author's.
"""

from __future__ import annotations

from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.cdk.render import Member
from iacfix.codemods.lang.view import New
from iacfix.codemods.api_cors.frontend import serves_browsers

V1 = "aws_cdk.aws_apigateway"
V2_MODULES = ("aws_cdk.aws_apigatewayv2", "aws_cdk.aws_apigatewayv2_alpha")
HTTP_APIS = {f"{mod}.HttpApi": mod for mod in V2_MODULES}
CFN_API = "aws_cdk.aws_apigatewayv2.CfnApi"
REST_APIS = (f"{V1}.RestApi", f"{V1}.LambdaRestApi")


def detect(doc, ctx):
    if not serves_browsers(doc, ctx):
        return
    view = cdk_file(doc, ctx)
    origins = list(ctx.params.get("allow_origins") or [])
    methods = list(ctx.params.get("allow_methods") or [])
    headers = list(ctx.params.get("allow_headers") or [])
    preflighted = {r for m in view.method_sites(("add_cors_preflight",)) for r in m.receiver.refs()}
    for c in view.constructs(*HTTP_APIS, CFN_API, *REST_APIS):
        if c.opaque:
            continue
        if c.qualname in HTTP_APIS:
            if c.has("cors_preflight"):
                continue
            mod = HTTP_APIS[c.qualname]
            members = [Member(f"{mod}.CorsHttpMethod.{'ANY' if m == '*' else m}") for m in methods]
            new = New(f"{mod}.CorsPreflightOptions", _props(origins, members, headers))
            yield _gap(c, "HTTP API", "cors_preflight", new)
        elif c.qualname == CFN_API:
            if c.has("cors_configuration") or c.value("protocol_type") != "HTTP":
                continue
            new = New(f"{CFN_API}.CorsProperty", _props(origins, methods, headers))
            yield _gap(c, "HTTP API", "cors_configuration", new)
        else:
            if c.has("default_cors_preflight_options") or _preflighted(c.target, preflighted):
                continue
            new = New(f"{V1}.CorsOptions", _props(origins, [] if methods == ["*"] else methods, headers))
            yield _gap(c, "REST API", "default_cors_preflight_options", new)


def _preflighted(target, receivers) -> bool:
    """An ``add_cors_preflight`` on one of the API's resources (``api.root``, ``api.Root()``...)."""
    return bool(target) and any(r == target or r.startswith(target + ".") for r in receivers)


def _props(origins, methods, headers):
    props = [("allow_origins", origins)]
    if methods:
        props.append(("allow_methods", methods))
    if headers:
        props.append(("allow_headers", headers))
    return tuple(props)


def _gap(c, what, prop, new):
    return c.gap(f"{what} '{c.name}' has no CORS configuration", c.fixer(lambda: c.edit(set=[(prop, new)])))
