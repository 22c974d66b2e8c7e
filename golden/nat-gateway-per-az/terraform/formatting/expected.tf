module "vpc" {
  source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.8.1"
  azs = [
    "eu-west-1a",
    "eu-west-1b",
  ]
  private_subnets = ["10.20.1.0/24", "10.20.2.0/24"]
  public_subnets = ["10.20.101.0/24", "10.20.102.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = false # see ADR-12
  one_nat_gateway_per_az = true
  tags = { Team = "orders" }
}
