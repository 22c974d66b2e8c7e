from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class QuotaStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        _lambda.Function(
            self,
            "QuotaFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="quota.handler",
            code=_lambda.Code.from_asset("lambda/quota"),
            reserved_concurrent_executions=5,
        )
        # Disabled on purpose until the partner API is live
        _lambda.Function(
            self,
            "PartnerFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="partner.handler",
            code=_lambda.Code.from_asset("lambda/partner"),
            reserved_concurrent_executions=0,
        )
