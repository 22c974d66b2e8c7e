from aws_cdk import CustomResource, Stack
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_sns as sns
from aws_cdk import custom_resources as cr
from constructs import Construct


class SeedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic")

        # Answers CloudFormation through the provider framework: a failure fails the deploy
        on_event = _lambda.Function(
            self,
            "SeedHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="seed.handler",
            code=_lambda.Code.from_asset("lambda/seed"),
        )
        provider = cr.Provider(self, "SeedProvider", on_event_handler=on_event)
        CustomResource(self, "Seed", service_token=provider.service_token)

        # Its own service token: CloudFormation invokes it and waits for its answer
        indexer = _lambda.Function(
            self,
            "IndexHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("lambda/index"),
        )
        CustomResource(self, "Index", service_token=indexer.function_arn)

        # Invoked by the application: watched
        worker = _lambda.Function(
            self,
            "Worker",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="worker.handler",
            code=_lambda.Code.from_asset("lambda/worker"),
        )
