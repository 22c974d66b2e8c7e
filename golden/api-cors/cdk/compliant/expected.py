from aws_cdk import Stack, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_s3 as s3
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, cors: apigwv2.CorsPreflightOptions, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Site", website_index_document="index.html")

        apigwv2.HttpApi(
            self,
            "OrdersHttpApi",
            cors_preflight=apigwv2.CorsPreflightOptions(allow_origins=["https://orders.example.com"]),
        )
        # built elsewhere: the author's
        apigwv2.HttpApi(self, "AdminHttpApi", cors_preflight=cors)

        apigw.RestApi(
            self,
            "OrdersRestApi",
            default_cors_preflight_options=apigw.CorsOptions(allow_origins=apigw.Cors.ALL_ORIGINS),
        )

        legacy = apigw.RestApi(self, "LegacyRestApi")
        legacy.root.add_cors_preflight(allow_origins=["https://orders.example.com"])
