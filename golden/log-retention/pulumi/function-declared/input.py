import pulumi
import pulumi_aws as aws

stage = pulumi.get_stack()

ingest_logs = aws.cloudwatch.LogGroup(
    "ingest-logs",
    name=f"/aws/lambda/ingest-{stage}",
    retention_in_days=14,
)

ingest = aws.lambda_.Function(
    "ingest",
    name=f"ingest-{stage}",
    runtime="python3.12",
    handler="ingest.handler",
    role="arn:aws:iam::123456789012:role/ingest",
    code=pulumi.FileArchive("./functions/ingest"),
    opts=pulumi.ResourceOptions(depends_on=[ingest_logs]),
)

export = aws.lambda_.Function(
    "export",
    runtime="python3.12",
    handler="export.handler",
    role="arn:aws:iam::123456789012:role/export",
    code=pulumi.FileArchive("./functions/export"),
)

export_logs = aws.cloudwatch.LogGroup(
    "export-logs",
    name=export.name.apply(lambda n: f"/aws/lambda/{n}"),
    retention_in_days=30,
)

shipper = aws.lambda_.Function(
    "shipper",
    runtime="python3.12",
    handler="shipper.handler",
    role="arn:aws:iam::123456789012:role/shipper",
    code=pulumi.FileArchive("./functions/shipper"),
    logging_config=aws.lambda_.FunctionLoggingConfigArgs(log_format="JSON", log_group="/platform/functions"),
)
