import pulumi_aws as aws

site = aws.s3.BucketWebsiteConfigurationV2(
    "site",
    bucket="orders-site",
    index_document=aws.s3.BucketWebsiteConfigurationV2IndexDocumentArgs(suffix="index.html"),
)

orders_api = aws.apigatewayv2.Api(
    "orders",
    protocol_type="HTTP",
    cors_configuration=aws.apigatewayv2.ApiCorsConfigurationArgs(
        allow_origins=["https://orders.example.com"],
    ),
)

# an empty CORS configuration is the author's
admin_api = aws.apigatewayv2.Api("admin", protocol_type="HTTP", cors_configuration={})

legacy_api = aws.apigateway.RestApi("legacy")

legacy_options = aws.apigateway.Method(
    "legacy-options",
    rest_api=legacy_api.id,
    resource_id=legacy_api.root_resource_id,
    http_method="OPTIONS",
    authorization="NONE",
)
