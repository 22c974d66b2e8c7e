from aws_cdk import Stack
from aws_cdk.aws_lambda import Code, Function, Runtime
from aws_cdk.aws_logs import CfnLogGroup, LogGroup, RetentionDays


class Hooks(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    hook_log_group = LogGroup(self, 'WebhookLogGroup',
                              retention=RetentionDays.ONE_MONTH)

    # GitHub webhook receiver
    self.hook = Function(self, 'Webhook',
                         runtime=Runtime.PYTHON_3_12,
                         handler='hook.handler',
                         code=Code.from_asset('hooks'),
                         log_group=hook_log_group)   # shared asset
    CfnLogGroup(
      self, 'HookAudit',
      # one stream per repository
      log_group_name='/hooks/audit',
      retention_in_days=30
    )
