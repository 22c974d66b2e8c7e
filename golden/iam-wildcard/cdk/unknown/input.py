from aws_cdk import (
    Stack,
    aws_dynamodb as dynamodb,
    aws_iam as iam,
)
from constructs import Construct

READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query"]


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, effect: iam.Effect, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        table = dynamodb.Table(
            self,
            "ReportsTable",
            partition_key=dynamodb.Attribute(name="reportId", type=dynamodb.AttributeType.STRING),
        )
        role = iam.Role(self, "ReportsRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        role.add_to_policy(iam.PolicyStatement(actions=READ_ACTIONS, resources=["*"]))
        role.add_to_policy(iam.PolicyStatement(effect=effect, actions=["dynamodb:PutItem"], resources=["*"]))
        role.add_to_policy(
            iam.PolicyStatement(actions=["dynamodb:DeleteItem"], resources=[table.table_arn, "*"])
        )
