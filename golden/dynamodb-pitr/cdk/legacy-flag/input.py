from aws_cdk import Stack, aws_dynamodb as dynamodb
from constructs import Construct


class UsersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        user_id = dynamodb.Attribute(name="user_id", type=dynamodb.AttributeType.STRING)
        dynamodb.Table(self, "UsersTable", partition_key=user_id, point_in_time_recovery=True)
        dynamodb.Table(self, "ProfilesTable", partition_key=user_id)
