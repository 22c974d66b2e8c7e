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
}

resource "aws_kms_alias" "report_signing" {
  name          = "alias/${local.prefix}-report-signing"
  target_key_id = aws_kms_key.report_signing.key_id
}

# --- Ingestion --------------------------------------------------------------

resource "aws_kinesis_stream" "readings" {
  name        = "${local.prefix}-readings"
  shard_count = 4

  stream_mode_details {
    stream_mode = "PROVISIONED"
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
    enabled = false
  }
}

resource "aws_sqs_queue" "alerts" {
  name                       = "${local.prefix}-alerts"
  visibility_timeout_seconds = 120
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
  }

  ingress {
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = ["10.40.0.0/16"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "random_password" "registry_db" {
  length  = 16
  special = true
}

resource "aws_secretsmanager_secret" "registry_db" {
  name       = "telemetry/registry-db"
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

  performance_insights_enabled          = true
  performance_insights_retention_period = 7
}

resource "aws_elasticache_subnet_group" "device_state" {
  name       = "${local.prefix}-device-state"
  subnet_ids = var.private_subnet_ids
}

resource "aws_elasticache_replication_group" "device_state" {
  replication_group_id = "telemetry-device-state"
  description          = "Latest reading per device"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  port                 = 6379
  subnet_group_name    = aws_elasticache_subnet_group.device_state.name
  security_group_ids   = [aws_security_group.data_stores.id]
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
        Resource = "*"
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
  name = "/aws/lambda/${local.prefix}-aggregate"
}

resource "aws_lambda_function" "aggregate" {
  function_name = "${local.prefix}-aggregate"
  role          = aws_iam_role.processor.arn
  runtime       = "python3.12"
  handler       = "aggregate.handler"
  filename      = "${path.module}/dist/aggregate.zip"

  environment {
    variables = {
      AGGREGATES_TABLE = aws_dynamodb_table.aggregates.name
      ALERTS_QUEUE_URL = aws_sqs_queue.alerts.url
    }
  }

  depends_on = [aws_cloudwatch_log_group.aggregate]
}

resource "aws_lambda_event_source_mapping" "readings" {
  event_source_arn  = aws_kinesis_stream.readings.arn
  function_name     = aws_lambda_function.aggregate.arn
  starting_position = "LATEST"
  batch_size        = 500
}

resource "aws_ecs_cluster" "exports" {
  name = "${local.prefix}-exports"
}

resource "aws_efs_file_system" "exports" {
  creation_token   = "${local.prefix}-exports"
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"
}

resource "aws_cloudwatch_log_group" "exports" {
  name              = "/ecs/${local.prefix}-exports"
  retention_in_days = 0
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
  deployment_id = aws_api_gateway_deployment.query.id
  rest_api_id   = aws_api_gateway_rest_api.query.id
  stage_name    = "v1"
}
