from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        handler = lambda_.Function(
            self,
            "Handler",
            function_name="orders-handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
        # the CDK idiom
        handler.metric_errors().create_alarm(self, "HandlerErrors", threshold=1, evaluation_periods=1)
        # an Alarm of a Metric, by the function's name written out
        cloudwatch.Alarm(
            self,
            "HandlerThrottles",
            metric=cloudwatch.Metric(
                namespace="AWS/Lambda",
                metric_name="Throttles",
                dimensions_map={"FunctionName": "orders-handler"},
            ),
            threshold=1,
            evaluation_periods=1,
        )

        api = apigateway.LambdaRestApi(self, "Api", handler=handler)
        cloudwatch.Alarm(self, "Api5xx", metric=api.metric_server_error(), threshold=10, evaluation_periods=1)
        api.metric_client_error(statistic="Average").create_alarm(self, "Api4xx", threshold=0.1, evaluation_periods=3)

        table = dynamodb.Table(
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )
        # ThrottledRequests counts as both throttle alarms
        table.metric_throttled_requests_for_operations(
            operations=[dynamodb.Operation.GET_ITEM, dynamodb.Operation.PUT_ITEM],
        ).create_alarm(self, "OrdersThrottles", threshold=10, evaluation_periods=1)
