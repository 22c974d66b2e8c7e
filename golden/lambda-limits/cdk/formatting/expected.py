from aws_cdk import Duration, Stack
from aws_cdk.aws_lambda import Code, Function, Runtime


class Hooks(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # GitHub webhook receiver
    self.hook = Function(self, 'Webhook',
                         runtime=Runtime.PYTHON_3_12,
                         handler='hook.handler',
                         code=Code.from_asset('hooks'),
                         timeout=Duration.seconds(3),
                         memory_size=128)   # shared asset
    self.retry = Function(
      self, 'Retry',
      runtime=Runtime.PYTHON_3_12,
      # same bundle, other entry point
      handler='retry.handler',
      code=Code.from_asset('hooks'),
      timeout=Duration.seconds(3),
      memory_size=128
    )
