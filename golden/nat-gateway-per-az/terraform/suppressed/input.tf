# iacfix: ignore[nat-gateway-per-az] -- a development VPC: one gateway is enough
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"

  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.20.1.0/24", "10.20.2.0/24"]
  public_subnets  = ["10.20.101.0/24", "10.20.102.0/24"]

  enable_nat_gateway = true
  single_nat_gateway = true
}
