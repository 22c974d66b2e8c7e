"""Function settings shared by every function of the service."""

import pulumi
import pulumi_aws as aws

function_defaults = {"runtime": "python3.12", "timeout": 30, "memory_size": 512, "reserved_concurrent_executions": 5}

for name in ("ingest", "transform"):
    aws.lambda_.Function(
        name,
        handler=f"{name}.handler",
        role="arn:aws:iam::111122223333:role/etl",
        code=pulumi.FileArchive(f"./functions/{name}"),
        **function_defaults,
    )
