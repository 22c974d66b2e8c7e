"""An alarm of a resource with a literal name is named with the environment suffix, as
environment-suffix names the resource: the same name whichever of the two codemods runs
first, in Terraform, CloudFormation and Pulumi (CDK Python and Go: tests/test_alarms_cdk.py)."""

import pytest

from tests.test_suppress import run

TF = '''\
variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "jobs_dlq" {
  name = "jobs-dlq-${var.environment_suffix}"
}

resource "aws_sqs_queue" "orders_dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" {
  name = "orders-${var.environment_suffix}"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })
}
'''

CFN = '''\
Parameters:
  EnvironmentSuffix:
    Type: String
Resources:
  OrdersDlq:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders-dlq
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub orders-${EnvironmentSuffix}
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt OrdersDlq.Arn
        maxReceiveCount: 3
'''

PULUMI = '''\
import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.get_stack()

orders_dlq = aws.sqs.Queue("orders-dlq", name="orders-dlq")
orders = aws.sqs.Queue(
    "orders",
    name=f"orders-{environment_suffix}",
    redrive_policy=orders_dlq.arn.apply(lambda arn: f'{{"deadLetterTargetArn": "{arn}", "maxReceiveCount": 3}}'),
)
'''


@pytest.mark.parametrize("text, language, path, want", [
    (TF, "terraform", "main.tf", 'alarm_name          = "orders-dlq-messages-${var.environment_suffix}"'),
    (CFN, "cloudformation", "template.yaml", "AlarmName: !Sub orders-dlq-messages-${EnvironmentSuffix}"),
    (PULUMI, "pulumi", "__main__.py", 'name=f"orders-dlq-messages-{environment_suffix}"'),
])
def test_the_alarm_name_is_the_same_whichever_codemod_runs_first(text, language, path, want):
    alarms_first = run(run(text, language, path, select=("alarms",)).new, language, path,
                       select=("environment-suffix",), unsafe=True).new
    suffix_first = run(run(text, language, path, select=("environment-suffix",), unsafe=True).new, language, path,
                       select=("alarms",)).new
    assert want in alarms_first, alarms_first
    assert want in suffix_first, suffix_first
    # alarms alone already names it so (before, Terraform's was renamed only by an unsafe
    # environment-suffix fix in a later run)
    assert want in run(text, language, path, select=("alarms",)).new
