resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

output "queue_arn" {
  value = aws_sqs_queue.orders.arn
}

output "api_url" {
  value = aws_api_gateway_stage.prod.invoke_url
}

output "database" {
  value     = "postgres://${aws_db_instance.main.endpoint}/app"
  sensitive = false
}
