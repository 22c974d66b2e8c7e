"""Queues built from shared settings we cannot see from here."""

import pulumi
import pulumi_aws as aws
from platform_defaults import queue_defaults, redrive_to

orders = aws.sqs.Queue("orders", **queue_defaults)

invoices = aws.sqs.Queue(
    "invoices",
    redrive_policy=redrive_to("invoices-failures"),
)

# Triggered by S3, but its settings come from elsewhere.
thumbnailer = aws.lambda_.Function("thumbnailer", **queue_defaults)
allow_s3 = aws.lambda_.Permission(
    "thumbnailer-s3",
    action="lambda:InvokeFunction",
    function=thumbnailer.name,
    principal="s3.amazonaws.com",
)
