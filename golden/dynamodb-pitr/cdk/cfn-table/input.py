from aws_cdk import Stack
from aws_cdk import aws_dynamodb as ddb
from constructs import Construct


class LedgerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ddb.CfnTable(
            self,
            "LedgerTable",
            key_schema=[ddb.CfnTable.KeySchemaProperty(attribute_name="entry_id", key_type="HASH")],
            attribute_definitions=[
                ddb.CfnTable.AttributeDefinitionProperty(attribute_name="entry_id", attribute_type="S"),
            ],
            billing_mode="PAY_PER_REQUEST",
        )
