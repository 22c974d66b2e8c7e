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

        checkout.metric_throttles().create_alarm(
            self,
            "CheckoutThrottles",
            alarm_description="Lambda function Checkout was throttled 1 or more times in 5 minutes",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(self.pager))

        http_api = apigwv2.HttpApi(self, "HttpApi")

        http_api.metric("4xx", statistic="Average").create_alarm(
            self,
            "HttpApi4xxErrors",
            alarm_description=(
                "HTTP API HttpApi answered 5 percent or more of its requests with a 4xx error (throttling "
                "included) in 5 minutes"
            ),
            threshold=0.05,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(self.pager))

        http_api.metric_server_error().create_alarm(
            self,
            "HttpApi5xxErrors",
            alarm_description="HTTP API HttpApi answered 10 or more requests with a 5xx error in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(self.pager))
