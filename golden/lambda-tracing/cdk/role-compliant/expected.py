from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class LedgerStack(Stack):
    """Roles that may write traces in every way the file can say so."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        statement_role = iam.Role(self, "StatementRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        statement_role.add_to_policy(
            iam.PolicyStatement(actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources=["*"])
        )

        inline_role = iam.Role(
            self,
            "InlineRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            inline_policies={
                "Tracing": iam.PolicyDocument(
                    statements=[iam.PolicyStatement(actions=["xray:Put*"], resources=["*"])],
                ),
            },
        )

        arn_role = iam.Role(self, "ArnRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        arn_role.add_managed_policy(
            iam.ManagedPolicy.from_managed_policy_arn(
                self, "XRayWrite", "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"
            )
        )

        policy_role = iam.Role(self, "PolicyRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        iam.Policy(
            self,
            "TracingPolicy",
            roles=[policy_role],
            statements=[iam.PolicyStatement(actions=["xray:*"], resources=["*"])],
        )

        lambda_.CfnFunction(
            self,
            "StatementFunction",
            runtime="python3.12",
            handler="index.handler",
            role=statement_role.role_arn,
            code=lambda_.CfnFunction.CodeProperty(s3_bucket="ledger-artifacts", s3_key="statement.zip"),
            tracing_config=lambda_.CfnFunction.TracingConfigProperty(mode="Active"),
        )
        lambda_.CfnFunction(
            self,
            "InlineFunction",
            runtime="python3.12",
            handler="index.handler",
            role=inline_role.role_arn,
            code=lambda_.CfnFunction.CodeProperty(s3_bucket="ledger-artifacts", s3_key="inline.zip"),
            tracing_config=lambda_.CfnFunction.TracingConfigProperty(mode="Active"),
        )
        lambda_.CfnFunction(
            self,
            "ArnFunction",
            runtime="python3.12",
            handler="index.handler",
            role=arn_role.role_arn,
            code=lambda_.CfnFunction.CodeProperty(s3_bucket="ledger-artifacts", s3_key="arn.zip"),
            tracing_config=lambda_.CfnFunction.TracingConfigProperty(mode="Active"),
        )
        lambda_.CfnFunction(
            self,
            "PolicyFunction",
            runtime="python3.12",
            handler="index.handler",
            role=policy_role.role_arn,
            code=lambda_.CfnFunction.CodeProperty(s3_bucket="ledger-artifacts", s3_key="policy.zip"),
            tracing_config=lambda_.CfnFunction.TracingConfigProperty(mode="Active"),
        )
