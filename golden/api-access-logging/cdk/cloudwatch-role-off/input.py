from aws_cdk import Stack, aws_apigateway as apigateway, aws_lambda as _lambda
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler: _lambda.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        apigateway.LambdaRestApi(self, "OrdersApi", handler=handler)

        apigateway.LambdaRestApi(
            self,
            "ReportsApi",
            handler=handler,
            deploy_options=apigateway.StageOptions(stage_name="v1"),
        )

        apigateway.LambdaRestApi(self, "AdminApi", handler=handler, cloud_watch_role=False)
