#!/usr/bin/env python3
import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class WorkerStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        lambda_.Function(
            self,
            "Worker",
            function_name=f"worker-{stage}",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="worker.handler",
            code=lambda_.Code.from_asset("worker"),
        )


app = cdk.App()
stage = app.node.try_get_context("stage") or "dev"
cdk.Tags.of(app).add("ManagedBy", "cdk")
WorkerStack(app, f"Worker-{stage}", stage=stage, tags={"Environment": stage})
app.synth()
