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

    access_log_settings {
        destination_arn = aws_cloudwatch_log_group.catalog-v1-access-logs.arn
        format = jsonencode({
            requestId      = "$context.requestId"
            ip             = "$context.identity.sourceIp"
            requestTime    = "$context.requestTime"
            httpMethod     = "$context.httpMethod"
            resourcePath   = "$context.resourcePath"
            status         = "$context.status"
            protocol       = "$context.protocol"
            responseLength = "$context.responseLength"
        })
    }

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

resource "aws_cloudwatch_log_group" "catalog-v1-access-logs" {
    name              = "catalog-v1-access-logs"
    retention_in_days = 30

    tags = merge(var.common_tags, {
        Api = "catalog"   # for cost reports
    })
}
