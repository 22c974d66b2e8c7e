import pulumi
import pulumi_aws as aws

from iam import worker_role

worker = aws.lambda_.Function(
    "worker",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./src"),
    role=worker_role.arn,
    timeout=3,
    memory_size=128,
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
)

pulumi.export("worker_name", worker.name)
