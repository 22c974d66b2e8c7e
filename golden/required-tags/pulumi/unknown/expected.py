"""Tags computed by the platform library."""

import pulumi
import pulumi_aws as aws
from platform_tags import standard_tags, team_tags

reports_bucket = aws.s3.BucketV2("reports", tags=standard_tags("reports"))

exports_bucket = aws.s3.BucketV2("exports", tags={**team_tags, "Name": "exports"})

queue_settings = {"visibility_timeout_seconds": 30, "tags": team_tags}
jobs = aws.sqs.Queue("jobs", **queue_settings)

external = aws.Provider("external", region="us-east-1", default_tags=team_defaults)
mirror = aws.s3.BucketV2("mirror", opts=pulumi.ResourceOptions(provider=external))
