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

  enable_nat_gateway = true
  single_nat_gateway = true
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
}

# --- Encryption -------------------------------------------------------------

resource "aws_kms_key" "submissions" {
  description             = "Encrypts candidate submissions and results"
  deletion_window_in_days = 14
  enable_key_rotation     = true
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
}

resource "aws_sqs_queue" "submissions" {
  name                       = "submissions-${var.environment_suffix}"
  visibility_timeout_seconds = 180
  kms_master_key_id          = aws_kms_key.submissions.id
}

# Candidates, exams and cohorts: the system of record.
resource "aws_db_subnet_group" "catalog" {
  name       = "${local.name_prefix}-catalog"
  subnet_ids = module.vpc.private_subnets
}

resource "aws_db_instance" "catalog" {
  identifier                  = "${local.name_prefix}-catalog"
  engine                      = "postgres"
  engine_version              = "16.9"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_type                = "gp2"
  storage_encrypted           = true
  db_name                     = "catalog"
  username                    = "catalog"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.catalog.name
  vpc_security_group_ids      = [aws_security_group.data_stores.id]
}

# Exam sessions in progress, so a candidate can resume after a dropped connection.
resource "aws_elasticache_subnet_group" "sessions" {
  name       = "${local.name_prefix}-sessions"
  subnet_ids = module.vpc.private_subnets
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "${local.name_prefix}-sessions"
  description          = "Exam sessions in progress"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  port                 = 6379
  subnet_group_name    = aws_elasticache_subnet_group.sessions.name
  security_group_ids   = [aws_security_group.data_stores.id]
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
}

resource "aws_iam_role_policy_attachment" "grader_logs" {
  role       = aws_iam_role.grader.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "submit" {
  function_name = "submit-${var.environment_suffix}"
  role          = aws_iam_role.grader.arn
  runtime       = "python3.12"
  handler       = "submit.handler"
  filename      = "${path.module}/build/submit.zip"
  timeout       = 10

  environment {
    variables = {
      QUEUE_URL = aws_sqs_queue.submissions.url
    }
  }
}

resource "aws_lambda_function" "grader" {
  function_name = "grader-${var.environment_suffix}"
  role          = aws_iam_role.grader.arn
  runtime       = "python3.12"
  handler       = "grader.handler"
  filename      = "${path.module}/build/grader.zip"
  timeout       = 120
  memory_size   = 1024

  environment {
    variables = {
      RESULTS_TABLE = aws_dynamodb_table.results.name
    }
  }
}

resource "aws_lambda_event_source_mapping" "grader" {
  event_source_arn = aws_sqs_queue.submissions.arn
  function_name    = aws_lambda_function.grader.arn
  batch_size       = 5
}

# Nightly re-grading of flagged submissions.
resource "aws_cloudwatch_event_rule" "nightly_regrade" {
  name                = "${local.name_prefix}-nightly-regrade"
  schedule_expression = "cron(0 2 * * ? *)"
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
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.submit.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.assessments.execution_arn}/*/*"
}
