resource "aws_api_gateway_rest_api"   "catalog"   {
    name = "catalog"   # public catalogue API
}

resource "aws_cloudwatch_log_group" "catalog" { name = "/aws/lambda/catalog" }
resource "aws_api_gateway_stage" "catalog-v1" {
    rest_api_id = aws_api_gateway_rest_api.catalog.id   # the API
    deployment_id = aws_api_gateway_deployment.catalog.id
    stage_name = "v1"
    # caching: off for now
    cache_cluster_enabled = false
    /* canary: later */
    tags = merge(var.common_tags, {
        Api = "catalog"   # for cost reports
    })
}
resource "aws_api_gateway_method_settings" "catalog-v1" {
    rest_api_id = aws_api_gateway_rest_api.catalog.id
    stage_name = aws_api_gateway_stage.catalog-v1.stage_name
    method_path = "*/*"
    settings {
        throttling_rate_limit = 10
        throttling_burst_limit = 20
    }
}
