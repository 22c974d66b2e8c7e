# The module's tags go to the modules it calls; the zone it declares itself gets them too.
locals {
  name = "blue"
  tags = {
    Blueprint = local.name
  }
}

module "eks" {
  source = "terraform-aws-modules/eks/aws"
  tags   = local.tags
}

resource "aws_route53_zone" "sub" {
  name = "blue.example.com"
}
