variable "environment_suffix" {
  type    = string
  default = "dev"
}

resource "aws_sqs_queue" "orders" {
  name = "orders-${var.environment_suffix}"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "orders_dlq" {
  name = "orders-dlq-${var.environment_suffix}"
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_sns_topic" "order_events" {
  name = "order-events-${var.environment_suffix}"
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-${var.environment_suffix}"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_apigatewayv2_api" "webhooks" {
  name          = "webhooks-${var.environment_suffix}"
  protocol_type = "HTTP"
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders-${var.environment_suffix}"
  engine                      = "aurora-postgresql"
  master_username             = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "orders_writer" {
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions-${var.environment_suffix}"
  description          = "Sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}
