from aws_cdk import aws_iam as iam
from constructs import Construct


def worker_role(scope: Construct) -> iam.Role:
    return iam.Role(
        scope,
        "WorkerRole",
        assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
    )
