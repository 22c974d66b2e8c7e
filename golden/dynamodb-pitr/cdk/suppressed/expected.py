from aws_cdk import Stack, aws_dynamodb as dynamodb
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # A cache: rebuilt from the source of truth, nothing to restore
        # iacfix: ignore[dynamodb-pitr]
        dynamodb.Table(
            self,
            "QuoteCache",
            partition_key=dynamodb.Attribute(name="quote_id", type=dynamodb.AttributeType.STRING),
            time_to_live_attribute="ttl",
        )
        dynamodb.TableV2(self, "LockTable", partition_key=dynamodb.Attribute(name="lock", type=dynamodb.AttributeType.STRING))  # iacfix: ignore[IAC012]
