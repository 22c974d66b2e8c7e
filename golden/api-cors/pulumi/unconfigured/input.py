import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

# the web front end: a static site behind CloudFront
site_bucket = aws.s3.BucketV2("site", bucket=f"orders-site-{environment_suffix}")

site = aws.cloudfront.Distribution(
    "site",
    enabled=True,
    default_root_object="index.html",
    origins=[
        aws.cloudfront.DistributionOriginArgs(
            domain_name=site_bucket.bucket_regional_domain_name,
            origin_id="site",
        )
    ],
    default_cache_behavior=aws.cloudfront.DistributionDefaultCacheBehaviorArgs(
        allowed_methods=["GET", "HEAD"],
        cached_methods=["GET", "HEAD"],
        target_origin_id="site",
        viewer_protocol_policy="redirect-to-https",
        cache_policy_id="658327ea-f89d-4fab-a63d-7e88639e58f6",
    ),
    restrictions=aws.cloudfront.DistributionRestrictionsArgs(
        geo_restriction=aws.cloudfront.DistributionRestrictionsGeoRestrictionArgs(restriction_type="none"),
    ),
    viewer_certificate=aws.cloudfront.DistributionViewerCertificateArgs(cloudfront_default_certificate=True),
)

orders_api = aws.apigatewayv2.Api(
    "orders",
    name=f"orders-{environment_suffix}",
    protocol_type="HTTP",
)

# WebSocket APIs have no CORS
events_api = aws.apigatewayv2.Api(
    "events",
    name=f"events-{environment_suffix}",
    protocol_type="WEBSOCKET",
    route_selection_expression="$request.body.action",
)

legacy_api = aws.apigateway.RestApi("legacy", name=f"legacy-{environment_suffix}")
