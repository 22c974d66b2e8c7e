# the web front end: a static site behind CloudFront
resource "aws_s3_bucket" "site" {
  bucket = "orders-site-${var.environment_suffix}"
}

resource "aws_cloudfront_distribution" "site" {
  enabled             = true
  default_root_object = "index.html"

  origin {
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "site"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_apigatewayv2_api" "orders" {
  name          = "orders-${var.environment_suffix}"
  protocol_type = "HTTP"
}

# WebSocket APIs have no CORS
resource "aws_apigatewayv2_api" "events" {
  name                       = "events-${var.environment_suffix}"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_api_gateway_rest_api" "legacy" {
  name = "legacy-${var.environment_suffix}"
}
