from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class LegacyBillingStack(Stack):
    """Functions defined with the L1 constructs, ported from a CloudFormation template."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        invoice_role = iam.Role(
            self,
            "InvoiceRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole"),
            ],
        )

        lambda_.CfnFunction(
            self,
            "InvoiceFunction",
            runtime="python3.12",
            handler="index.handler",
            role=invoice_role.role_arn,
            code=lambda_.CfnFunction.CodeProperty(
                zip_file="def handler(event, context):\n    return {'status': 'ok'}\n",
            ),
            timeout=30,
        )

        report_role = iam.Role(self, "ReportRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))

        lambda_.CfnFunction(
            self,
            "ReportFunction",
            runtime="python3.12",
            handler="index.handler",
            role=report_role.role_arn,
            code=lambda_.CfnFunction.CodeProperty(s3_bucket="billing-artifacts", s3_key="report.zip"),
            tracing_config=lambda_.CfnFunction.TracingConfigProperty(mode="Active"),
        )
