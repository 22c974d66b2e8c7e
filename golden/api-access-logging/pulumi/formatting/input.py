"""Odd layout: three-space indents, single quotes, comments inside the call."""
import pulumi
import pulumi_aws as aws


def make_stage(api, env):
   # one stage per environment
   stage = aws.apigatewayv2.Stage('%s-stage' % env,   # name
      api_id=api.id,
      name=env,
      # deploy on every change
      auto_deploy=True,
      default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
         throttling_burst_limit=50,
         throttling_rate_limit=25,
      ),
      opts=pulumi.ResourceOptions(parent=api, protect=True))  # keep it
   return stage


make_stage(aws.apigatewayv2.Api('reports-api', protocol_type='HTTP'), 'prod')
