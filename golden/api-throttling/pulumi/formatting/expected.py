# Websocket API for live payment status.  Written before we adopted black.
import pulumi
from pulumi_aws import apigatewayv2 as apigw

stage_name = 'live'

ws_api = apigw.Api('status-ws',
  protocol_type='WEBSOCKET',
  route_selection_expression='$request.body.action')

# The stage clients connect to.
ws_stage = apigw.Stage('status-ws-stage',   # one per environment
  api_id=ws_api.id,
  name=stage_name,
  # keep access logs off until the log group exists
  default_route_settings=apigw.StageDefaultRouteSettingsArgs(
    data_trace_enabled=False,    # no payloads in logs
    logging_level='OFF',
    throttling_burst_limit=200,
    throttling_rate_limit=100)  # see runbook
  )

admin_stage = apigw.Stage('status-ws-admin', api_id=ws_api.id,
                          name='admin',
                          default_route_settings=apigw.StageDefaultRouteSettingsArgs(
                              throttling_burst_limit=200,
                              throttling_rate_limit=100,
                          ))  # operators only

pulumi.export('ws_url', ws_stage.invoke_url)
