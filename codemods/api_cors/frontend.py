"""Whether a module's APIs are evidently called from browsers (``apis = "browser"``).

The same test in every language, on the text of the module's files (whole-line comments
left out): the module serves a web front end (an S3 bucket with website hosting, a
CloudFront distribution, an Amplify app, a CDK BucketDeployment), or something in it
already returns Access-Control-Allow-Origin (a gateway or method response, a function's
headers) although an API lacks the preflight.
"""

from __future__ import annotations

import re

from iacfix.core import module_cache

FRONT_END = re.compile(
    r"AWS::CloudFront::Distribution|AWS::Amplify::App|\bWebsiteConfiguration\s*:|\"WebsiteConfiguration\"\s*:"
    r"|\baws_cloudfront_distribution\b|\baws_s3_bucket_website_configuration\b|\baws_amplify_app\b"
    r"|^\s*website\s*\{"
    r"|\bwebsite_index_document\b|\bWebsiteIndexDocument\b|BucketDeployment\b"
    r"|\bcloudfront\.(?:Distribution|CloudFrontWebDistribution|CfnDistribution)\b"
    r"|\bawscloudfront\.New(?:Distribution|CloudFrontWebDistribution|CfnDistribution)\b"
    r"|\bamplify\.(?:App|CfnApp)\b|\bawsamplify\.New(?:App|CfnApp)\b"
    r"|\bBucketWebsiteConfiguration(?:V2)?\b|\bwebsite\s*=\s*(?:aws\.)?(?:s3\.)?Bucket(?:Website)?Args\b",
    re.M,
)
CORS_HEADER = re.compile(r"Access-Control-Allow-Origin", re.I)
_COMMENT = re.compile(r"^\s*(#|//).*$", re.M)


def _texts(ctx, doc):
    for _path, d in ctx.module(doc):
        text = getattr(d, "text", None)
        if isinstance(text, str):
            yield _COMMENT.sub("", text)


def serves_browsers(doc, ctx) -> bool:
    """Whether the APIs of ``doc``'s module must answer CORS preflight, as ``apis`` says."""
    if ctx.params.get("apis") == "all":
        return True
    cache = module_cache(doc)
    if "api-cors:browser" not in cache:
        cache["api-cors:browser"] = any(FRONT_END.search(t) or CORS_HEADER.search(t) for t in _texts(ctx, doc))
    return cache["api-cors:browser"]
