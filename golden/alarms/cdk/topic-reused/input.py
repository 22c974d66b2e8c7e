from aws_cdk import Duration, Stack
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from constructs import Construct


class CheckoutStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.pager = sns.Topic(self, "Pager")

        checkout = lambda_.Function(
            self,
            "Checkout",
            runtime=lambda_.Runtime.NODEJS_20_X,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
            timeout=Duration.seconds(10),
        )
        errors = checkout.metric_errors().create_alarm(self, "CheckoutErrors", threshold=1, evaluation_periods=1)
        errors.add_alarm_action(cw_actions.SnsAction(self.pager))

        http_api = apigwv2.HttpApi(self, "HttpApi")
