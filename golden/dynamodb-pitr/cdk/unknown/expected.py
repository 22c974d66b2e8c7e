from aws_cdk import Stack, aws_dynamodb as dynamodb
from constructs import Construct


class EventsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, is_prod: bool, table_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        pk = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
        dynamodb.Table(self, "EventsTable", partition_key=pk, point_in_time_recovery=is_prod)
        dynamodb.Table(self, "ArchiveTable", partition_key=pk, **table_props)
        dynamodb.TableV2(
            self,
            "ReplayTable",
            partition_key=pk,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=is_prod,
            ),
        )
        recovery = dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True)
        dynamodb.TableV2(self, "AuditTable", partition_key=pk, point_in_time_recovery_specification=recovery)
