output "region" {
  description = "Region the module is deployed to"
  value       = "eu-west-1"
}

output "orders_queue_url" {
  description = "URL of the orders queue"
  value       = aws_sqs_queue.orders.url
}

output "order_events_topic_arn" {
  description = "ARN of the order events topic"
  value       = aws_sns_topic.order_events.arn
}
