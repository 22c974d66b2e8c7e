"""IAC032 api-cors: APIs called from browsers answer CORS preflight."""

from iacfix.codemods.spec import (
    Absent, All, Codemod, Explicit, Is, Nested, Param, Parameter, Rule, invalid, language_detectors, valid,
)

ORIGIN = r"\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?"
METHODS = ("*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

# The CORS configuration of an HTTP API (API Gateway answers the preflight itself): the
# owner's origins, and the methods and headers a preflight asks about. Run by each
# language's detector behind the browser test (``frontend``): a module condition the
# adapters have no hook for.
FIELDS = {
    "allow_origins": Explicit(Param("allow_origins"), label="allowed origins"),
    "allow_methods": Explicit(Param("allow_methods"), label="allowed methods"),
    "allow_headers": Explicit(Param("allow_headers"), label="allowed headers"),
}
HTTP_API = Rule(
    ("apigatewayv2.Api",),
    {"cors_configuration": Nested(FIELDS, label="CORS configuration")},
    what="HTTP API",
    # an API with any CORS configuration (even an empty one) is the author's
    when=All(Is("protocol_type", "HTTP"), Absent("cors_configuration")),
)
RULES = (HTTP_API,)

# What a plain REST API (CloudFormation, Terraform, Pulumi) is told to add: no fix.
REST_ADVICE = ("add an OPTIONS method with a MOCK integration answering Access-Control-Allow-Origin, "
               "-Methods and -Headers on each resource browsers call")

CODEMOD = Codemod(
    id="IAC032",
    slug="api-cors",
    tags=("reliability",),
    severity="low",
    title="APIs called from browsers answer CORS preflight",
    rationale=(
        "A browser calls an API on another origin only after a preflight OPTIONS request that "
        "the API answers with Access-Control-Allow-* headers; an API without CORS fails every "
        "such call from the web front end, while curl and the tests pass. iacfix asks it only of "
        "APIs evidently called from browsers ([tool.iacfix.api-cors] apis = \"browser\", the "
        "default): those of a module (a Terraform directory, a CloudFormation template, a CDK or "
        "Pulumi app) that serves a web front end - an S3 bucket with website hosting, a "
        "CloudFront distribution, an Amplify app, a CDK BucketDeployment - or that already "
        "returns Access-Control-Allow-Origin somewhere (a gateway or method response, a "
        "function's headers) without answering the preflight; apis = \"all\" asks it of every "
        "API. An API with any CORS configuration, even an empty one, is the author's. The "
        "allowed origins are the owner's ([tool.iacfix.api-cors] allow-origins, no default: "
        "until it is set findings are reported without a fix). The methods and headers a "
        "preflight asks about are allow-methods (default [\"*\"], every method the API routes) "
        "and allow-headers (default [\"Authorization\", \"Content-Type\"], which a JSON request "
        "with a token sends; a wildcard would not cover Authorization). Fixes: an HTTP API's "
        "CorsConfiguration (CloudFormation, SAM HttpApi, Terraform cors_configuration, Pulumi "
        "cors_configuration, CDK cors_preflight); a SAM Api's Cors and a CDK RestApi's "
        "default_cors_preflight_options (where SAM and CDK add the OPTIONS methods; CDK's "
        "and SAM's own defaults cover every method, so allow-methods [\"*\"] is not written "
        "there, and SAM takes one origin). A plain REST API in CloudFormation, Terraform or "
        "Pulumi needs an OPTIONS method with a mock integration on each resource: it is "
        "reported, not fixed. Adding CORS changes no route and replaces nothing."
    ),
    params=(
        Parameter("apis", "browser", "which APIs must answer CORS preflight: \"browser\" (those of a module "
                  "that serves a web front end or already returns CORS headers) or \"all\"",
                  choices=("browser", "all")),
        Parameter("allow_origins", None, "the origins browsers call the APIs from (no default: only the owner "
                  "knows the front end's origin; unset, findings are reported only)",
                  kind=list, pattern=ORIGIN, form="origins such as https://app.example.com",
                  example=["https://app.example.com"]),
        Parameter("allow_methods", ["*"], "the methods a preflight may ask for (\"*\": every method)",
                  kind=list, choices=METHODS),
        Parameter("allow_headers", ["Authorization", "Content-Type"], "the request headers a preflight may ask for",
                  kind=list, pattern=r"\*|[A-Za-z0-9!#$%&'*+.^_`|~-]+", form="header names"),
    ),
    fix_needs=("allow_origins",),
    examples=(
        invalid('terraform', 'resource "aws_cloudfront_distribution" "site" {\n}\n\n'
                             'resource "aws_apigatewayv2_api" "api" {\n  name          = "api"\n'
                             '  protocol_type = "HTTP"\n}\n'),
        valid('terraform', 'resource "aws_apigatewayv2_api" "api" {\n  name          = "api"\n'
                           '  protocol_type = "HTTP"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n'
                                  '  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n'
                                  '      ProtocolType: HTTP\n'),
        valid('cloudformation', 'Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n'
                                '  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n'
                                '      ProtocolType: HTTP\n      CorsConfiguration:\n'
                                '        AllowOrigins: ["https://app.example.com"]\n'),
        invalid('cdk', 'from aws_cdk import aws_apigatewayv2 as apigwv2, aws_s3_deployment as s3deploy\n\n'
                       's3deploy.BucketDeployment(self, "Site", sources=sources, destination_bucket=bucket)\n'
                       'apigwv2.HttpApi(self, "Api")\n'),
        valid('cdk', 'from aws_cdk import aws_apigatewayv2 as apigwv2\n\napigwv2.HttpApi(self, "Api")\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.cloudfront.Distribution("site")\n'
                          'aws.apigatewayv2.Api("api", protocol_type="HTTP")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.apigatewayv2.Api("api", protocol_type="HTTP")\n'),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
