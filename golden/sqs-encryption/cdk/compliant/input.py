from aws_cdk import Stack, aws_kms as kms, aws_sqs as sqs
from constructs import Construct


class NotificationsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "NotificationsKey", enable_key_rotation=True)
        sqs.Queue(self, "EmailQueue", encryption=sqs.QueueEncryption.SQS_MANAGED)
        sqs.Queue(self, "SmsQueue", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
        sqs.Queue(self, "PushQueue", encryption_master_key=key)  # CDK infers KMS
        sqs.Queue(self, "WebhookQueue", encryption=sqs.QueueEncryption.KMS_MANAGED)
        sqs.CfnQueue(self, "AuditQueue", sqs_managed_sse_enabled=True)
        sqs.CfnQueue(self, "BillingQueue", kms_master_key_id=key.key_arn)
