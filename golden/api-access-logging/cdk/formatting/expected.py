from aws_cdk import Stack
from aws_cdk.aws_apigateway import AccessLogFormat, LogGroupLogDestination, MockIntegration, RestApi, StageOptions
from aws_cdk.aws_logs import LogGroup, RetentionDays


class Gateway(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    if True:
      self.status_access_logs = LogGroup(
        self, 'StatusApiAccessLogs',
        retention=RetentionDays.ONE_MONTH
      )
      # Public status page API
      self.status = RestApi(
        self, 'StatusApi',
        description='status page',   # shown in the console
        deploy_options=StageOptions(
          stage_name='v2',
          # keep the default metrics off
          metrics_enabled=False,
          access_log_destination=LogGroupLogDestination(self.status_access_logs),
          access_log_format=AccessLogFormat.json_with_standard_fields(
            caller=False,
            http_method=True,
            ip=True,
            protocol=True,
            request_time=True,
            resource_path=True,
            response_length=True,
            status=True,
            user=False,
          )
        )
      )  # end of status API
      self.status.root.add_method('GET', MockIntegration())
