from aws_cdk import Stack
from aws_cdk.aws_apigateway import MockIntegration, RestApi, StageOptions


class Gateway(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    if True:
      # Public status page API
      self.status = RestApi(
        self, 'StatusApi',
        description='status page',   # shown in the console
        deploy_options=StageOptions(
          stage_name='v2',
          # keep the default metrics off
          metrics_enabled=False
        )
      )  # end of status API
      self.status.root.add_method('GET', MockIntegration())
