from aws_cdk import (
    Stack,
    aws_dynamodb as dynamodb,
    aws_iam as iam,
)
from constructs import Construct


class LedgerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        entries = dynamodb.Table(self, "Entries", partition_key=key)
        balances = dynamodb.Table(self, "Balances", partition_key=key)

        role = iam.Role(self, "LedgerRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        role.add_to_policy(iam.PolicyStatement(actions=["dynamodb:PutItem"], resources=["*"]))
        role.add_to_policy(iam.PolicyStatement(actions=["dynamodb:ListTables"], resources=["*"]))
        role.add_to_policy(
            iam.PolicyStatement(actions=["dynamodb:GetItem", "sqs:SendMessage"], resources=["*"])
        )
        role.add_to_policy(iam.PolicyStatement(actions=["logs:PutLogEvents"], resources=["*"]))
