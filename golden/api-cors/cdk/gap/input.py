from aws_cdk import (
    Stack,
    aws_apigateway as apigw,
    aws_apigatewayv2 as apigwv2,
    aws_cloudfront as cloudfront,
    aws_cloudfront_origins as origins,
    aws_lambda as _lambda,
    aws_s3 as s3,
    aws_s3_deployment as s3deploy,
)
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # the web front end: a static site behind CloudFront
        site_bucket = s3.Bucket(self, "SiteBucket")
        distribution = cloudfront.Distribution(
            self,
            "Site",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(site_bucket),
            ),
            default_root_object="index.html",
        )
        s3deploy.BucketDeployment(
            self,
            "DeploySite",
            sources=[s3deploy.Source.data("index.html", "<h1>Orders</h1>")],
            destination_bucket=site_bucket,
            distribution=distribution,
        )

        handler = _lambda.Function(
            self,
            "Orders",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_inline("def handler(event, context):\n    return {}\n"),
        )

        self.http_api = apigwv2.HttpApi(
            self,
            "OrdersHttpApi",
            api_name=f"orders-{environment_suffix}",
        )

        apigw.LambdaRestApi(
            self,
            "OrdersRestApi",
            handler=handler,
            rest_api_name=f"orders-rest-{environment_suffix}",
        )
