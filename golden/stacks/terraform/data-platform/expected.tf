terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Environment = var.environment_suffix
      ManagedBy   = "terraform"
      Project     = "telemetry"
    }
  }
}

variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment_suffix" {
  description = "Suffix for every resource name (dev, staging, prod)"
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

locals {
  prefix = "telemetry-${var.environment_suffix}"
}

data "aws_caller_identity" "current" {}

# --- Keys -------------------------------------------------------------------

resource "aws_kms_key" "telemetry" {
  description             = "Telemetry data at rest"
  deletion_window_in_days = 30
  enable_key_rotation     = true

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_kms_alias" "telemetry" {
  name          = "alias/${local.prefix}"
  target_key_id = aws_kms_key.telemetry.key_id
}

# Signs exported reports; asymmetric keys cannot rotate.
resource "aws_kms_key" "report_signing" {
  description              = "Report signatures"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_2048"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_kms_alias" "report_signing" {
  name          = "alias/${local.prefix}-report-signing"
  target_key_id = aws_kms_key.report_signing.key_id
}

# --- Ingestion --------------------------------------------------------------

resource "aws_kinesis_stream" "readings" {
  name             = "${local.prefix}-readings"
  shard_count      = 4
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"
  retention_period = 24
  shard_level_metrics = [
    "IncomingBytes",
    "IncomingRecords",
    "OutgoingBytes",
    "OutgoingRecords",
    "WriteProvisionedThroughputExceeded",
    "ReadProvisionedThroughputExceeded",
    "IteratorAgeMilliseconds",
  ]

  stream_mode_details {
    stream_mode = "PROVISIONED"
  }
}

resource "aws_cloudwatch_metric_alarm" "readings_iterator_age" {
  alarm_name          = "${local.prefix}-readings-iterator-age"
  alarm_description   = "Kinesis stream ${local.prefix}-readings has unread records 12 hours old, 50 percent of its 24-hour retention, after which they expire"
  namespace           = "AWS/Kinesis"
  metric_name         = "GetRecords.IteratorAgeMilliseconds"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 43200000
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    StreamName = aws_kinesis_stream.readings.name
  }
}

resource "aws_dynamodb_table" "devices" {
  name         = "${local.prefix}-devices"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "device_id"

  attribute {
    name = "device_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.telemetry.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_cloudwatch_metric_alarm" "devices_read_throttles" {
  alarm_name          = "${local.prefix}-devices-read-throttles"
  alarm_description   = "DynamoDB table ${local.prefix}-devices throttled 10 or more reads in 5 minutes"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    TableName = aws_dynamodb_table.devices.name
  }
}

resource "aws_cloudwatch_metric_alarm" "devices_write_throttles" {
  alarm_name          = "${local.prefix}-devices-write-throttles"
  alarm_description   = "DynamoDB table ${local.prefix}-devices throttled 10 or more writes in 5 minutes"
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    TableName = aws_dynamodb_table.devices.name
  }
}

resource "aws_dynamodb_table" "aggregates" {
  name         = "${local.prefix}-aggregates"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "device_id"
  range_key    = "window_start"

  attribute {
    name = "device_id"
    type = "S"
  }

  attribute {
    name = "window_start"
    type = "N"
  }

  point_in_time_recovery {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_cloudwatch_metric_alarm" "aggregates_read_throttles" {
  alarm_name          = "${local.prefix}-aggregates-read-throttles"
  alarm_description   = "DynamoDB table ${local.prefix}-aggregates throttled 10 or more reads in 5 minutes"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    TableName = aws_dynamodb_table.aggregates.name
  }
}

resource "aws_cloudwatch_metric_alarm" "aggregates_write_throttles" {
  alarm_name          = "${local.prefix}-aggregates-write-throttles"
  alarm_description   = "DynamoDB table ${local.prefix}-aggregates throttled 10 or more writes in 5 minutes"
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    TableName = aws_dynamodb_table.aggregates.name
  }
}

resource "aws_sqs_queue" "alerts" {
  name                       = "${local.prefix}-alerts"
  visibility_timeout_seconds = 120
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.alerts_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "alerts_dlq" {
  name                      = "${local.prefix}-alerts-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_cloudwatch_metric_alarm" "alerts_dlq_messages" {
  alarm_name          = "${local.prefix}-alerts-dlq-messages"
  alarm_description   = "Dead-letter queue ${local.prefix}-alerts-dlq holds more than 0 messages: messages failed processing"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    QueueName = aws_sqs_queue.alerts_dlq.name
  }
}

# --- Device registry and state ----------------------------------------------

resource "aws_security_group" "data_stores" {
  name_prefix = "${local.prefix}-data-stores-"
  description = "Registry database and device state cache"
  vpc_id      = var.vpc_id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.40.0.0/16"]
    description = "Allow PostgreSQL (tcp/5432) from 10.40.0.0/16"
  }

  ingress {
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = ["10.40.0.0/16"]
    description = "Allow Redis (tcp/6379) from 10.40.0.0/16"
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    description = "Allow all traffic to anywhere"
  }
}

resource "random_password" "registry_db" {
  length           = 32
  special          = true
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

resource "aws_secretsmanager_secret" "registry_db" {
  name       = "telemetry/registry-db-${var.environment_suffix}"
  kms_key_id = aws_kms_key.telemetry.arn
}

resource "aws_secretsmanager_secret_version" "registry_db" {
  secret_id     = aws_secretsmanager_secret.registry_db.id
  secret_string = random_password.registry_db.result
}

resource "aws_db_subnet_group" "registry" {
  name       = "${local.prefix}-registry"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "registry" {
  identifier             = "${local.prefix}-registry"
  engine                 = "postgres"
  engine_version         = "16.3"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  db_name                = "registry"
  username               = "registry"
  password               = random_password.registry_db.result
  db_subnet_group_name   = aws_db_subnet_group.registry.name
  vpc_security_group_ids = [aws_security_group.data_stores.id]

  performance_insights_enabled    = false
  storage_type                    = "gp3"
  parameter_group_name            = aws_db_parameter_group.registry.name
  backup_retention_period         = 7
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  auto_minor_version_upgrade      = true
  backup_window                   = "03:00-03:30"
  maintenance_window              = "sun:04:00-sun:04:30"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_db_parameter_group" "registry" {
  name        = "${local.prefix}-registry-params"
  family      = "postgres16"
  description = "postgres16 parameters of registry"
}

resource "aws_cloudwatch_metric_alarm" "registry_cpu" {
  alarm_name          = "${local.prefix}-registry-cpu"
  alarm_description   = "DB instance ${local.prefix}-registry used more than 80 percent of its CPU on average for 5 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.registry.identifier
  }
}

resource "aws_elasticache_subnet_group" "device_state" {
  name       = "${local.prefix}-device-state"
  subnet_ids = var.private_subnet_ids
}

resource "aws_elasticache_replication_group" "device_state" {
  replication_group_id       = "telemetry-device-state-${var.environment_suffix}"
  description                = "Latest reading per device"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.device_state.name
  security_group_ids         = [aws_security_group.data_stores.id]
  parameter_group_name       = aws_elasticache_parameter_group.device_state.name
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 7
}

resource "aws_elasticache_parameter_group" "device_state" {
  name        = "telemetry-device-state-params-${var.environment_suffix}"
  family      = "redis7"
  description = "redis7 parameters of device_state"
}

# --- Processing -------------------------------------------------------------

resource "aws_iam_role" "processor" {
  name = "${local.prefix}-processor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "processor_xray" {
  role       = aws_iam_role.processor.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_iam_role_policy" "processor" {
  name = "aggregate"
  role = aws_iam_role.processor.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "kinesis:DescribeStream",
          "kinesis:DescribeStreamSummary",
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:ListShards",
        ]
        Resource = aws_kinesis_stream.readings.arn
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:BatchWriteItem", "dynamodb:UpdateItem"]
        Resource = aws_dynamodb_table.aggregates.arn
      },
      {
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.alerts.arn
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "aggregate" {
  name              = "/aws/lambda/${local.prefix}-aggregate"
  retention_in_days = 30
}

resource "aws_lambda_function" "aggregate" {
  function_name                  = "${local.prefix}-aggregate"
  role                           = aws_iam_role.processor.arn
  runtime                        = "python3.12"
  handler                        = "aggregate.handler"
  filename                       = "${path.module}/dist/aggregate.zip"
  timeout                        = 3
  memory_size                    = 128
  reserved_concurrent_executions = 10

  environment {
    variables = {
      AGGREGATES_TABLE = aws_dynamodb_table.aggregates.name
      ALERTS_QUEUE_URL = aws_sqs_queue.alerts.url
    }
  }

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_cloudwatch_log_group.aggregate, aws_iam_role_policy_attachment.processor_xray]
}

resource "aws_lambda_event_source_mapping" "readings" {
  event_source_arn  = aws_kinesis_stream.readings.arn
  function_name     = aws_lambda_function.aggregate.arn
  starting_position = "LATEST"
  batch_size        = 500
}

resource "aws_cloudwatch_metric_alarm" "aggregate_errors" {
  alarm_name          = "${local.prefix}-aggregate-errors"
  alarm_description   = "Lambda function ${local.prefix}-aggregate failed 5 or more times in 5 minutes"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    FunctionName = aws_lambda_function.aggregate.function_name
  }
}

resource "aws_cloudwatch_metric_alarm" "aggregate_throttles" {
  alarm_name          = "${local.prefix}-aggregate-throttles"
  alarm_description   = "Lambda function ${local.prefix}-aggregate was throttled 1 or more times in 5 minutes"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    FunctionName = aws_lambda_function.aggregate.function_name
  }
}

resource "aws_ecs_cluster" "exports" {
  name = "${local.prefix}-exports"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_efs_file_system" "exports" {
  creation_token   = "${local.prefix}-exports"
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"
  encrypted        = true
}

resource "aws_cloudwatch_log_group" "exports" {
  name              = "/ecs/${local.prefix}-exports"
  retention_in_days = 30

  lifecycle {
    prevent_destroy = true
  }
}

# --- Query API --------------------------------------------------------------

resource "aws_api_gateway_rest_api" "query" {
  name = "${local.prefix}-query"
}

resource "aws_api_gateway_deployment" "query" {
  rest_api_id = aws_api_gateway_rest_api.query.id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "v1" {
  deployment_id        = aws_api_gateway_deployment.query.id
  rest_api_id          = aws_api_gateway_rest_api.query.id
  stage_name           = "v1"
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.v1_access_logs.arn
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
}

resource "aws_api_gateway_method_settings" "v1" {
  rest_api_id = aws_api_gateway_stage.v1.rest_api_id
  stage_name  = aws_api_gateway_stage.v1.stage_name
  method_path = "*/*"

  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}

resource "aws_cloudwatch_log_group" "v1_access_logs" {
  name              = "${local.prefix}-query-v1-access-logs"
  retention_in_days = 30
}

resource "aws_cloudwatch_metric_alarm" "query_4xx_errors" {
  alarm_name          = "${local.prefix}-query-4xx-errors"
  alarm_description   = "REST API ${local.prefix}-query answered 5 percent or more of its requests with a 4XX error (throttling included) in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "4XXError"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0.05
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiName = aws_api_gateway_rest_api.query.name
  }
}

resource "aws_cloudwatch_metric_alarm" "query_5xx_errors" {
  alarm_name          = "${local.prefix}-query-5xx-errors"
  alarm_description   = "REST API ${local.prefix}-query answered 10 or more requests with a 5XX error in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5XXError"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiName = aws_api_gateway_rest_api.query.name
  }
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"
}

output "devices_table_name" {
  description = "Name of the devices table"
  value       = aws_dynamodb_table.devices.name
}

output "aggregates_table_name" {
  description = "Name of the aggregates table"
  value       = aws_dynamodb_table.aggregates.name
}

output "alerts_queue_url" {
  description = "URL of the alerts queue"
  value       = aws_sqs_queue.alerts.url
}

output "registry_db_endpoint" {
  description = "Endpoint address of the registry database"
  value       = aws_db_instance.registry.address
}

output "device_state_cache_endpoint" {
  description = "Primary endpoint address of the device state cache"
  value       = aws_elasticache_replication_group.device_state.primary_endpoint_address
}

output "query_api_url" {
  description = "Invoke URL of the query API"
  value       = aws_api_gateway_stage.v1.invoke_url
}
