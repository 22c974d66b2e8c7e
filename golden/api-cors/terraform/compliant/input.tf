resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  index_document {
    suffix = "index.html"
  }
}

resource "aws_apigatewayv2_api" "orders" {
  name          = "orders-${var.environment_suffix}"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://orders.example.com"]
    allow_methods = ["GET", "POST"]
  }
}

# an empty CORS configuration is the author's
resource "aws_apigatewayv2_api" "admin" {
  name          = "admin-${var.environment_suffix}"
  protocol_type = "HTTP"

  cors_configuration {}
}

# the CORS settings come from a variable
resource "aws_apigatewayv2_api" "reports" {
  name          = "reports-${var.environment_suffix}"
  protocol_type = "HTTP"

  dynamic "cors_configuration" {
    for_each = var.cors
    content {
      allow_origins = cors_configuration.value.origins
    }
  }
}

resource "aws_api_gateway_rest_api" "legacy" {
  name = "legacy-${var.environment_suffix}"
}

resource "aws_api_gateway_method" "legacy_options" {
  rest_api_id   = aws_api_gateway_rest_api.legacy.id
  resource_id   = aws_api_gateway_rest_api.legacy.root_resource_id
  http_method   = "OPTIONS"
  authorization = "NONE"
}
