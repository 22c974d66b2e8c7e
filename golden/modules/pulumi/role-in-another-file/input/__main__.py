import pulumi
import pulumi_aws as aws

from iam import worker_role

worker = aws.lambda_.Function(
    "worker",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./src"),
    role=worker_role.arn,
)

pulumi.export("worker_name", worker.name)
