terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment_suffix" {
  description = "Suffix for every resource name (dev, staging, prod, pr-123)"
  type        = string
}

locals {
  name_prefix = "assessments-${var.environment_suffix}"
}

# --- Network ----------------------------------------------------------------

data "aws_availability_zones" "available" {
  state = "available"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = local.name_prefix
  cidr = "10.40.0.0/16"

  azs             = slice(data.aws_availability_zones.available.names, 0, 2)
  private_subnets = ["10.40.1.0/24", "10.40.2.0/24"]
  public_subnets  = ["10.40.101.0/24", "10.40.102.0/24"]

  enable_nat_gateway     = true
  single_nat_gateway     = false
  one_nat_gateway_per_az = true
}

resource "aws_security_group" "data_stores" {
  name        = "${local.name_prefix}-data-stores"
  description = "Postgres and Redis, reachable from inside the VPC"
  vpc_id      = module.vpc.vpc_id

  ingress {
    description = "Postgres from the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [module.vpc.vpc_cidr_block]
  }

  ingress {
    description = "Redis from the VPC"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [module.vpc.vpc_cidr_block]
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

# --- Encryption -------------------------------------------------------------

resource "aws_kms_key" "submissions" {
  description             = "Encrypts candidate submissions and results"
  deletion_window_in_days = 14
  enable_key_rotation     = true

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_kms_alias" "submissions" {
  name          = "alias/submissions-${var.environment_suffix}"
  target_key_id = aws_kms_key.submissions.key_id
}

# --- Storage ----------------------------------------------------------------

resource "aws_dynamodb_table" "results" {
  name         = "${local.name_prefix}-results"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "submission_id"

  attribute {
    name = "submission_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.submissions.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_cloudwatch_metric_alarm" "results_read_throttles" {
  alarm_name          = "${local.name_prefix}-results-read-throttles"
  alarm_description   = "DynamoDB table ${local.name_prefix}-results throttled 10 or more reads in 5 minutes"
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
    TableName = aws_dynamodb_table.results.name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "results_write_throttles" {
  alarm_name          = "${local.name_prefix}-results-write-throttles"
  alarm_description   = "DynamoDB table ${local.name_prefix}-results throttled 10 or more writes in 5 minutes"
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
    TableName = aws_dynamodb_table.results.name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_sqs_queue" "submissions" {
  name                       = "submissions-${var.environment_suffix}"
  visibility_timeout_seconds = 180
  kms_master_key_id          = aws_kms_key.submissions.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.submissions_dlq.arn
    maxReceiveCount     = 3
  })

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_sqs_queue" "submissions_dlq" {
  name                      = "submissions-dlq-${var.environment_suffix}"
  message_retention_seconds = 1209600
  kms_master_key_id         = aws_kms_key.submissions.id

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "submissions_dlq_messages" {
  alarm_name          = "submissions-dlq-messages-${var.environment_suffix}"
  alarm_description   = "Dead-letter queue submissions-dlq-${var.environment_suffix} holds more than 0 messages: messages failed processing"
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
    QueueName = aws_sqs_queue.submissions_dlq.name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

# Candidates, exams and cohorts: the system of record.
resource "aws_db_subnet_group" "catalog" {
  name       = "${local.name_prefix}-catalog"
  subnet_ids = module.vpc.private_subnets

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_db_instance" "catalog" {
  identifier                      = "${local.name_prefix}-catalog"
  engine                          = "postgres"
  engine_version                  = "16.9"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 50
  storage_type                    = "gp3"
  storage_encrypted               = true
  db_name                         = "catalog"
  username                        = "catalog"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.catalog.name
  vpc_security_group_ids          = [aws_security_group.data_stores.id]
  parameter_group_name            = aws_db_parameter_group.catalog.name
  backup_retention_period         = 7
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  auto_minor_version_upgrade      = true
  backup_window                   = "03:00-03:30"
  maintenance_window              = "sun:04:00-sun:04:30"

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_db_parameter_group" "catalog" {
  name        = "${local.name_prefix}-catalog-params"
  family      = "postgres16"
  description = "postgres16 parameters of catalog"

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "catalog_cpu" {
  alarm_name          = "${local.name_prefix}-catalog-cpu"
  alarm_description   = "DB instance ${local.name_prefix}-catalog used more than 80 percent of its CPU on average for 5 minutes"
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
    DBInstanceIdentifier = aws_db_instance.catalog.identifier
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

# Exam sessions in progress, so a candidate can resume after a dropped connection.
resource "aws_elasticache_subnet_group" "sessions" {
  name       = "${local.name_prefix}-sessions"
  subnet_ids = module.vpc.private_subnets

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "${local.name_prefix}-sessions"
  description                = "Exam sessions in progress"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.sessions.name
  security_group_ids         = [aws_security_group.data_stores.id]
  parameter_group_name       = aws_elasticache_parameter_group.sessions.name
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 7

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_elasticache_parameter_group" "sessions" {
  name        = "${local.name_prefix}-sessions-params"
  family      = "redis7"
  description = "redis7 parameters of sessions"

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

# --- Functions --------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "grader" {
  name               = "${local.name_prefix}-grader"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_iam_role_policy_attachment" "grader_xray" {
  role       = aws_iam_role.grader.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_iam_role_policy_attachment" "grader_logs" {
  role       = aws_iam_role.grader.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "submit" {
  function_name                  = "submit-${var.environment_suffix}"
  role                           = aws_iam_role.grader.arn
  runtime                        = "python3.12"
  handler                        = "submit.handler"
  filename                       = "${path.module}/build/submit.zip"
  timeout                        = 10
  memory_size                    = 128
  reserved_concurrent_executions = 10

  environment {
    variables = {
      QUEUE_URL = aws_sqs_queue.submissions.url
    }
  }

  tracing_config {
    mode = "Active"
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  depends_on = [aws_cloudwatch_log_group.submit_logs, aws_iam_role_policy_attachment.grader_xray]
}

resource "aws_cloudwatch_log_group" "submit_logs" {
  name              = "/aws/lambda/submit-${var.environment_suffix}"
  retention_in_days = 30

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "submit_errors" {
  alarm_name          = "submit-errors-${var.environment_suffix}"
  alarm_description   = "Lambda function submit-${var.environment_suffix} failed 5 or more times in 5 minutes"
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
    FunctionName = aws_lambda_function.submit.function_name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "submit_throttles" {
  alarm_name          = "submit-throttles-${var.environment_suffix}"
  alarm_description   = "Lambda function submit-${var.environment_suffix} was throttled 1 or more times in 5 minutes"
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
    FunctionName = aws_lambda_function.submit.function_name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_lambda_function" "grader" {
  function_name                  = "grader-${var.environment_suffix}"
  role                           = aws_iam_role.grader.arn
  runtime                        = "python3.12"
  handler                        = "grader.handler"
  filename                       = "${path.module}/build/grader.zip"
  timeout                        = 120
  memory_size                    = 1024
  reserved_concurrent_executions = 10

  environment {
    variables = {
      RESULTS_TABLE = aws_dynamodb_table.results.name
    }
  }

  tracing_config {
    mode = "Active"
  }

  dead_letter_config {
    target_arn = aws_sqs_queue.grader_dlq.arn
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  depends_on = [aws_cloudwatch_log_group.grader_logs, aws_iam_role_policy.grader_dlq, aws_iam_role_policy_attachment.grader_xray]
}

resource "aws_sqs_queue" "grader_dlq" {
  name                      = "grader-dlq-${var.environment_suffix}"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_iam_role_policy" "grader_dlq" {
  role = aws_iam_role.grader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sqs:SendMessage"
      Resource = aws_sqs_queue.grader_dlq.arn
    }]
  })
}

resource "aws_cloudwatch_log_group" "grader_logs" {
  name              = "/aws/lambda/grader-${var.environment_suffix}"
  retention_in_days = 30

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_lambda_event_source_mapping" "grader" {
  event_source_arn = aws_sqs_queue.submissions.arn
  function_name    = aws_lambda_function.grader.arn
  batch_size       = 5

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "grader_errors" {
  alarm_name          = "grader-errors-${var.environment_suffix}"
  alarm_description   = "Lambda function grader-${var.environment_suffix} failed 5 or more times in 5 minutes"
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
    FunctionName = aws_lambda_function.grader.function_name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "grader_throttles" {
  alarm_name          = "grader-throttles-${var.environment_suffix}"
  alarm_description   = "Lambda function grader-${var.environment_suffix} was throttled 1 or more times in 5 minutes"
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
    FunctionName = aws_lambda_function.grader.function_name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "grader_dlq_messages" {
  alarm_name          = "grader-dlq-messages-${var.environment_suffix}"
  alarm_description   = "Dead-letter queue grader-dlq-${var.environment_suffix} holds more than 0 messages: messages failed processing"
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
    QueueName = aws_sqs_queue.grader_dlq.name
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

# Nightly re-grading of flagged submissions.
resource "aws_cloudwatch_event_rule" "nightly_regrade" {
  name                = "${local.name_prefix}-nightly-regrade"
  schedule_expression = "cron(0 2 * * ? *)"

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_event_target" "nightly_regrade" {
  rule = aws_cloudwatch_event_rule.nightly_regrade.name
  arn  = aws_lambda_function.grader.arn
}

resource "aws_lambda_permission" "nightly_regrade" {
  statement_id  = "AllowEventBridge"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.grader.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly_regrade.arn
}

# --- Candidate portal -------------------------------------------------------

# The single-page app candidates take their exams in; it calls the API below.
resource "aws_s3_bucket" "portal" {
  bucket = "${local.name_prefix}-portal"

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_website_configuration" "portal" {
  bucket = aws_s3_bucket.portal.id

  index_document {
    suffix = "index.html"
  }
}

# --- API --------------------------------------------------------------------

resource "aws_apigatewayv2_api" "assessments" {
  name          = "${local.name_prefix}-api"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
    allow_methods = ["*"]
    allow_headers = ["Authorization", "Content-Type"]
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_apigatewayv2_integration" "submit" {
  api_id                 = aws_apigatewayv2_api.assessments.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.submit.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "submit" {
  api_id    = aws_apigatewayv2_api.assessments.id
  route_key = "POST /submissions"
  target    = "integrations/${aws_apigatewayv2_integration.submit.id}"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.assessments.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.default_access_logs.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      requestTime    = "$context.requestTime"
      httpMethod     = "$context.httpMethod"
      routeKey       = "$context.routeKey"
      status         = "$context.status"
      protocol       = "$context.protocol"
      responseLength = "$context.responseLength"
    })
  }

  default_route_settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_log_group" "default_access_logs" {
  retention_in_days = 30

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.submit.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.assessments.execution_arn}/*/*"
}

resource "aws_cloudwatch_metric_alarm" "assessments_4xx_errors" {
  alarm_name          = "${local.name_prefix}-api-4xx-errors"
  alarm_description   = "HTTP API ${local.name_prefix}-api answered 5 percent or more of its requests with a 4xx error (throttling included) in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "4xx"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0.05
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiId = aws_apigatewayv2_api.assessments.id
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_cloudwatch_metric_alarm" "assessments_5xx_errors" {
  alarm_name          = "${local.name_prefix}-api-5xx-errors"
  alarm_description   = "HTTP API ${local.name_prefix}-api answered 10 or more requests with a 5xx error in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiId = aws_apigatewayv2_api.assessments.id
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

output "results_table_name" {
  description = "Name of the results table"
  value       = aws_dynamodb_table.results.name
}

output "submissions_queue_url" {
  description = "URL of the submissions queue"
  value       = aws_sqs_queue.submissions.url
}

output "catalog_db_endpoint" {
  description = "Endpoint address of the catalog database"
  value       = aws_db_instance.catalog.address
}

output "sessions_cache_endpoint" {
  description = "Primary endpoint address of the sessions cache"
  value       = aws_elasticache_replication_group.sessions.primary_endpoint_address
}

output "assessments_api_url" {
  description = "Invoke URL of the assessments API"
  value       = aws_apigatewayv2_api.assessments.api_endpoint
}
