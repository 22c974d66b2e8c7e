# Rules described in the network runbook.
# iacfix: ignore[sg-rule-description]
resource "aws_security_group" "legacy" {
  name = "legacy"

  ingress {
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group" "web" {
  name = "web"

  # iacfix: ignore[IAC022]
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# the ops team owns this rule
resource "aws_security_group_rule" "ops" { # iacfix: ignore[sg-rule-description]
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  security_group_id = aws_security_group.web.id
  cidr_blocks       = ["10.9.0.0/16"]
}
