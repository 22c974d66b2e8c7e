from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class TenantStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, tenant_concurrency: int, function_defaults: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        _lambda.Function(
            self,
            "TenantFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="tenant.handler",
            code=_lambda.Code.from_asset("lambda/tenant"),
            reserved_concurrent_executions=tenant_concurrency,
        )
        _lambda.Function(self, "AdminFunction", **function_defaults)
