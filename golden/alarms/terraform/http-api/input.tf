provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_kms_key" "alarms" {
  provider    = aws.eu
  description = "Encrypts the alarm topic"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Account"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchPublishes"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_apigatewayv2_api" "public" {
  provider      = aws.eu
  name          = "public"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "chat" {
  name          = "chat"
  protocol_type = "WEBSOCKET"
}
