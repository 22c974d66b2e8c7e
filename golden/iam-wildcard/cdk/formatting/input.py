from aws_cdk import Stack
from aws_cdk.aws_iam import PolicyStatement, Role, ServicePrincipal
from aws_cdk.aws_sqs import Queue


class Worker(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    self.jobs = Queue(self, 'Jobs')
    # the worker pulls and deletes jobs
    self.role = Role(self, 'WorkerRole', assumed_by=ServicePrincipal('ecs-tasks.amazonaws.com'))
    self.role.add_to_policy(PolicyStatement(
      sid='ConsumeJobs',
      actions=[
        'sqs:ReceiveMessage',   # poll
        'sqs:DeleteMessage',    # ack
      ],
      resources=[
        '*',  # TODO: scope down
      ],
    ))
