from aws_cdk import Duration, Stack, aws_kms as kms, aws_sqs as sqs
from constructs import Construct


class ClaimsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        claims_key = kms.Key(self, "ClaimsKey", enable_key_rotation=True)

        sqs.Queue(
            self,
            "ClaimsQueue",
            visibility_timeout=Duration.minutes(5),
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=claims_key,
        )
        sqs.Queue(self, "AppealsQueue", encryption=sqs.QueueEncryption.SQS_MANAGED)
        sqs.CfnQueue(
            self,
            "ScansQueue",
            message_retention_period=345600,
            kms_master_key_id=claims_key.key_id,
        )
