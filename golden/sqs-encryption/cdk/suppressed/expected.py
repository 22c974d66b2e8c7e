from aws_cdk import Stack, aws_sqs as sqs
from constructs import Construct


class PublicFeedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Public market data, consumed cross-account by a partner that cannot use KMS
        # iacfix: ignore[sqs-encryption]
        sqs.Queue(
            self,
            "MarketFeed",
            encryption=sqs.QueueEncryption.UNENCRYPTED,
        )
        sqs.CfnQueue(self, "PriceTicks")  # iacfix: ignore[IAC013]
