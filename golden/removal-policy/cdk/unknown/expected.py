from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_s3 as s3
from constructs import Construct


class TenantStorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, settings: dict, bucket_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        policy = RemovalPolicy.RETAIN if settings["production"] else RemovalPolicy.DESTROY

        # the policy is decided above: stated, whatever its value
        dynamodb.Table(
            self,
            "TenantTable",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=policy,
        )

        # everything comes from the caller
        s3.Bucket(self, "TenantBucket", **bucket_props)
