from aws_cdk import (
    Duration,
    Stack,
    aws_dynamodb as dynamodb,
    aws_kms as kms,
    aws_logs as logs,
    aws_s3 as s3,
)
from constructs import Construct


class LedgerStorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.ledger_key = kms.Key(
            self,
            "LedgerKey",
            description=f"Ledger data key ({environment_suffix})",
            enable_key_rotation=True,
            alias=f"alias/ledger-{environment_suffix}",
        )

        self.entries_table = dynamodb.Table(
            self,
            "EntriesTable",
            table_name=f"ledger-entries-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="entry_id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=self.ledger_key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )

        self.statements_bucket = s3.Bucket(
            self,
            "StatementsBucket",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=self.ledger_key,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            versioned=True,
        )

        logs.LogGroup(self, "AuditLogs", retention=logs.RetentionDays.ONE_YEAR)

        self.exports_bucket = s3.Bucket(self, "ExportsBucket", lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(30))])
