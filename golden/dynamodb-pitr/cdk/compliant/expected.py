from aws_cdk import Stack, aws_dynamodb as dynamodb
from constructs import Construct


class CatalogStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        dynamodb.TableV2(
            self,
            "ProductsTable",
            partition_key=dynamodb.Attribute(name="sku", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
                recovery_period_in_days=7,
            ),
        )
        dynamodb.Table(
            self,
            "PricesTable",
            partition_key=dynamodb.Attribute(name="sku", type=dynamodb.AttributeType.STRING),
            point_in_time_recovery=True,
        )
        dynamodb.CfnTable(
            self,
            "StockTable",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="sku", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="sku", attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
            point_in_time_recovery_specification=dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty(
                point_in_time_recovery_enabled=True
            ),
        )
