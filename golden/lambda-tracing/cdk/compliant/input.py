from aws_cdk import (
    Stack,
    aws_iam as iam,
    aws_lambda as _lambda,
)
from constructs import Construct


class QuotesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        _lambda.Function(
            self,
            "QuoteFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="quote.handler",
            code=_lambda.Code.from_asset("lambda/quote"),
            tracing=_lambda.Tracing.ACTIVE,
        )

        role = iam.Role(
            self,
            "ExportRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("AWSXRayDaemonWriteAccess")],
        )
        _lambda.CfnFunction(
            self,
            "ExportFunction",
            runtime="python3.12",
            handler="index.handler",
            role=role.role_arn,
            code=_lambda.CfnFunction.CodeProperty(s3_bucket="quote-artifacts", s3_key="export.zip"),
            tracing_config=_lambda.CfnFunction.TracingConfigProperty(mode="Active"),
        )
