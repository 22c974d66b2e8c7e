"""Names come from config or from a helper."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
queue_name = config.get("queueName") or "jobs"


def physical(name):
    return f"{pulumi.get_project()}-{name}"


aws.sqs.Queue("jobs", name=queue_name)
aws.sns.Topic("alerts", name=physical("alerts"))
