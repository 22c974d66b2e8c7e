from aws_cdk import (
    RemovalPolicy,
    Stack,
    aws_dynamodb as dynamodb,
    aws_logs as logs,
    aws_s3 as s3,
    aws_sqs as sqs,
)
from constructs import Construct


class LedgerStorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        dynamodb.Table(
            self,
            "EntriesTable",
            partition_key=dynamodb.Attribute(name="entry_id", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.RETAIN,
        )

        # any explicit statement counts, including DESTROY
        s3.Bucket(self, "ScratchBucket", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True)

        audit_logs = logs.LogGroup(self, "AuditLogs", retention=logs.RetentionDays.ONE_YEAR)
        audit_logs.apply_removal_policy(RemovalPolicy.RETAIN)

        # not stateful in the sense of this rule
        sqs.Queue(self, "Jobs")
