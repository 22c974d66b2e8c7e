from aws_cdk import Stack
from aws_cdk import aws_sqs
from constructs import Construct


class RawStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        aws_sqs.CfnQueue(
            self,
            "UploadsQueue",
            queue_name="uploads",
            visibility_timeout=60,
        )
