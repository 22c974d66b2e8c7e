resource "aws_lambda_function" "rewrite" {
  function_name = "rewrite-headers"
  role          = var.edge_role_arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "rewrite.zip"
  publish       = true
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = var.api_role_arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name = var.origin_domain
    origin_id   = "site"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"

    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.rewrite.qualified_arn
    }
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
