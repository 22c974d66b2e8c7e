from aws_cdk import Stack
from aws_cdk.aws_apigateway import RestApi, StageOptions


class Gateway(Stack):
  def __init__(self, scope, id, stage, **kw):
    super().__init__(scope, id, **kw)

    # public API, versioned by stage
    self.api = RestApi(self, 'Public',
                       deploy_options=StageOptions(stage_name=stage,
                                                   metrics_enabled=True))   # dashboards
    self.admin = RestApi(
      self, 'Admin',
      # no custom options yet
      description='back office'
    )
