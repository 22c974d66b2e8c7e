from aws_cdk import Stack, aws_s3 as s3, aws_sqs as sqs
from constructs import Construct


class SharedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # The partner's account reads this bucket by name, one per account.
        s3.Bucket(
            self,
            "PartnerDrop",
            bucket_name="acme-partner-drop",  # iacfix: ignore[environment-suffix]
        )

        # iacfix: ignore[IAC024]
        sqs.Queue(self, "Inbound", queue_name="partner-inbound")

        sqs.Queue(self, "Outbound", queue_name=f"partner-outbound-{environment_suffix}")
