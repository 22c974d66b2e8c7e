from aws_cdk import Stack, aws_dynamodb as dynamodb
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        dynamodb.TableV2(
            self,
            "ReportsTable",
            partition_key=dynamodb.Attribute(name="report_id", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                recovery_period_in_days=14,
            ),
        )
