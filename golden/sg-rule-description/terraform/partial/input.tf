resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port       = var.app_port
    to_port         = var.app_port
    protocol        = "tcp"
    security_groups = [module.alb.security_group_id]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_security_group_rule" "app_from_peers" {
  type              = var.direction
  from_port         = 8443
  to_port           = 8443
  protocol          = "6"
  security_group_id = aws_security_group.app.id
  cidr_blocks       = ["10.0.0.0/8"]
}
