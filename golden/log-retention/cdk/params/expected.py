from aws_cdk import Stack
from aws_cdk.aws_lambda_nodejs import NodejsFunction
from aws_cdk.aws_logs import LogGroup, RetentionDays
from constructs import Construct


class EtlStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        extract_function_log_group = LogGroup(
            self,
            "ExtractFunctionLogGroup",
            retention=RetentionDays.THIRTEEN_MONTHS,
        )

        NodejsFunction(
            self,
            "ExtractFunction",
            entry="src/extract.ts",
            log_group=extract_function_log_group,
        )
