output "region" {
  description = "Region the module is deployed to"
  value       = "eu-west-1"
}
