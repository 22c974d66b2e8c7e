from aws_cdk import Stack
from aws_cdk.aws_iam import ManagedPolicy, Role, ServicePrincipal
from aws_cdk.aws_lambda import CfnFunction, Code, Function, Runtime


class Hooks(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # GitHub webhook receiver
    self.hook = Function(self, 'Webhook',
                         runtime=Runtime.PYTHON_3_12,
                         handler='hook.handler',
                         code=Code.from_asset('hooks'))   # shared asset
    self.retry = Function(
      self, 'Retry',
      runtime=Runtime.PYTHON_3_12,
      # same bundle, other entry point
      handler='retry.handler',
      code=Code.from_asset('hooks')
    )

    role = Role(self, 'ReplayRole', assumed_by = ServicePrincipal('lambda.amazonaws.com'),
                managed_policies = [  # basic execution only
                    ManagedPolicy.from_aws_managed_policy_name(
                        'service-role/AWSLambdaBasicExecutionRole'),   # logs
                ])
    CfnFunction(self, 'Replay', role = role.role_arn, runtime = 'python3.12', handler = 'replay.handler',
                code = CfnFunction.CodeProperty(s3_bucket = 'hooks-artifacts', s3_key = 'replay.zip'))
