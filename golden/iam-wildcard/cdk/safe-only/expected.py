from aws_cdk import (
    Stack,
    aws_dynamodb as dynamodb,
    aws_iam as iam,
    aws_lambda as _lambda,
    aws_s3 as s3,
)
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        reports_table = dynamodb.Table(
            self,
            "ReportsTable",
            partition_key=dynamodb.Attribute(name="reportId", type=dynamodb.AttributeType.STRING),
        )
        exports = s3.Bucket(self, "ReportExports")

        role = iam.Role(
            self,
            "ReportsRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
        )
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
                resources=["*"],
            )
        )
        role.add_to_policy(
            iam.PolicyStatement(actions=["s3:PutObject", "s3:AbortMultipartUpload"], resources=["*"])
        )

        _lambda.Function(
            self,
            "ReportsFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="reports.handler",
            code=_lambda.Code.from_asset("lambda/reports"),
            role=role,
            environment={"TABLE_NAME": reports_table.table_name, "BUCKET": exports.bucket_name},
        )
