from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw, aws_lambda as lambda_
from aws_cdk.aws_apigateway import StageOptions, MethodLoggingLevel


class ReportsApi(Stack):
  '''Reporting API (internal).'''

  def __init__(self, scope, id, **kwargs):
    super().__init__(scope, id, **kwargs)
    self.api = apigw.RestApi(self, 'ReportsApi',
        rest_api_name='reports',   # shown in the console
        # stage settings: logging only for now
        deploy_options=StageOptions(stage_name='live',
                                    logging_level=MethodLoggingLevel.INFO,
                                    metrics_enabled=True))  # TODO: alarms
    self.api.root.add_method('ANY')

    hook = lambda_.Function.from_function_name(self, 'Hook', 'reports-hook')
    apigw.LambdaRestApi(self, 'HooksApi', handler=hook)  # webhooks for the BI tool
