from aws_cdk import Stack, aws_apigatewayv2 as apigwv2, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        cloudfront.Distribution(
            self, "Site", default_behavior=cloudfront.BehaviorOptions(origin=origins.HttpOrigin("www.example.com"))
        )
        # iacfix: ignore[api-cors] called by the mobile app only
        apigwv2.HttpApi(self, "OrdersHttpApi")
