data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = "orders-${var.environment_suffix}"
  cidr = "10.20.0.0/16"

  azs             = local.azs
  private_subnets = [for k, v in local.azs : cidrsubnet("10.20.0.0/16", 4, k)]
  public_subnets  = [for k, v in local.azs : cidrsubnet("10.20.0.0/16", 8, k + 48)]

  enable_nat_gateway = true
  single_nat_gateway = true

  tags = {
    Environment = var.environment_suffix
  }
}

module "batch_vpc" {
  source = "terraform-aws-modules/vpc/aws"

  name = "batch-${var.environment_suffix}"
  cidr = "10.30.0.0/16"

  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.30.1.0/24", "10.30.2.0/24"]
  public_subnets  = ["10.30.101.0/24"]

  enable_nat_gateway     = true
  single_nat_gateway     = true
  one_nat_gateway_per_az = false
}
