from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from constructs import Construct


class NotificationsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        topic_key = kms.Key(
            self,
            "NotificationTopicKey",
            enable_key_rotation=True,
            alias="alias/notification-topic-key",
        )
        sns.Topic(self, "Notifications", master_key=topic_key)
