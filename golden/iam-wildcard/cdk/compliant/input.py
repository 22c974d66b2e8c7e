from aws_cdk import (
    Stack,
    aws_dynamodb as dynamodb,
    aws_iam as iam,
    aws_kms as kms,
)
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        table = dynamodb.Table(
            self,
            "ReportsTable",
            partition_key=dynamodb.Attribute(name="reportId", type=dynamodb.AttributeType.STRING),
        )
        role = iam.Role(self, "ReportsRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        role.add_to_policy(iam.PolicyStatement(actions=["dynamodb:GetItem"], resources=[table.table_arn]))
        role.add_to_policy(
            iam.PolicyStatement(
                effect=iam.Effect.DENY,
                actions=["dynamodb:DeleteTable"],
                resources=["*"],
            )
        )
        role.add_to_policy(iam.PolicyStatement(not_actions=["iam:*"], resources=["*"]))
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["ssm:GetParameter"],
                resources=["arn:aws:ssm:eu-west-1:123456789012:parameter/reports/*"],
            )
        )

        key = kms.Key(self, "ReportsKey")
        key.add_to_resource_policy(
            iam.PolicyStatement(
                actions=["kms:Decrypt"],
                principals=[iam.AccountRootPrincipal()],
                resources=["*"],
            )
        )
