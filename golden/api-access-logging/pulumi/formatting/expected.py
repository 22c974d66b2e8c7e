"""Odd layout: three-space indents, single quotes, comments inside the call."""
import json

import pulumi
import pulumi_aws as aws


def make_stage(api, env):
   stage_access_logs = aws.cloudwatch.LogGroup('%s-stage-access-logs' % env,
      retention_in_days=30,
      opts=pulumi.ResourceOptions(parent=api))
   # one stage per environment
   stage = aws.apigatewayv2.Stage('%s-stage' % env,   # name
      api_id=api.id,
      name=env,
      # deploy on every change
      auto_deploy=True,
      access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
         destination_arn=stage_access_logs.arn,
         format=json.dumps(
            {
               'requestId': '$context.requestId',
               'ip': '$context.identity.sourceIp',
               'requestTime': '$context.requestTime',
               'httpMethod': '$context.httpMethod',
               'routeKey': '$context.routeKey',
               'status': '$context.status',
               'protocol': '$context.protocol',
               'responseLength': '$context.responseLength',
            }
         ),
      ),
      default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
         throttling_burst_limit=50,
         throttling_rate_limit=25,
      ),
      opts=pulumi.ResourceOptions(parent=api, protect=True))  # keep it
   return stage


make_stage(aws.apigatewayv2.Api('reports-api', protocol_type='HTTP'), 'prod')
