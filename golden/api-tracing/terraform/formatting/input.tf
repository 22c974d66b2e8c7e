resource "aws_api_gateway_stage" "v1" {
  deployment_id = aws_api_gateway_deployment.v1.id
  rest_api_id   = aws_api_gateway_rest_api.v1.id # legacy API
  stage_name    = "v1"
  variables = {
    backend = "blue" # switch to green after cut-over
  }
  depends_on = [aws_cloudwatch_log_group.v1]
}

resource "aws_api_gateway_stage" "v2" {
    deployment_id = aws_api_gateway_deployment.v2.id
    rest_api_id = aws_api_gateway_rest_api.v2.id
    stage_name = "v2"
    cache_cluster_enabled = false
}
