from aws_cdk import Stack, aws_dynamodb as dynamodb, aws_iam as iam, aws_sns as sns
from constructs import Construct

from settings import ALERTS_TOPIC, table_props


class CatalogStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, table_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Names the file cannot read: a parameter, an imported constant, props spread in.
        dynamodb.Table(
            self,
            "Catalog",
            table_name=table_name,
            partition_key=dynamodb.Attribute(name="sku", type=dynamodb.AttributeType.STRING),
        )
        sns.Topic(self, "Alerts", topic_name=ALERTS_TOPIC)
        dynamodb.Table(self, "Prices", **table_props(environment_suffix))
        iam.Role(
            self,
            "Importer",
            role_name=f"catalog-importer-{environment_suffix}",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
        )
