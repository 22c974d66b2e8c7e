"""A one-off backfill function, deleted after the migration."""

import pulumi
import pulumi_aws as aws

# iacfix: ignore[lambda-limits] -- one-off backfill, run by hand
backfill = aws.lambda_.Function(
    "backfill",
    runtime="python3.12",
    handler="backfill.handler",
    role="arn:aws:iam::111122223333:role/backfill",
    code=pulumi.FileArchive("./functions/backfill"),
)

probe = aws.lambda_.Function("probe", runtime="python3.12", handler="probe.handler", role="arn:aws:iam::111122223333:role/probe", code=pulumi.FileArchive("./functions/probe"))  # iacfix: ignore[IAC008]
