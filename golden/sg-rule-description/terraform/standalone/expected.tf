resource "aws_security_group" "db" {
  name   = "payments-db"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.app.id
  description              = "Allow PostgreSQL (tcp/5432) from app"
}

resource "aws_security_group_rule" "db_to_s3" {
  type              = "egress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  security_group_id = aws_security_group.db.id
  prefix_list_ids   = [data.aws_prefix_list.s3.id]
  description       = "Allow HTTPS (tcp/443) to s3"
}

resource "aws_vpc_security_group_ingress_rule" "db_from_office" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = "10.20.0.0/16"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "Allow PostgreSQL (tcp/5432) from 10.20.0.0/16"

  tags = {
    Name = "office"
  }
}

resource "aws_vpc_security_group_ingress_rule" "db_replication" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "-1"
  description                  = "Allow all traffic from this security group"
}

resource "aws_vpc_security_group_egress_rule" "db_dns" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = "10.0.0.2/32"
  from_port         = 53
  to_port           = 53
  ip_protocol       = "udp"
  description       = "Allow DNS (udp/53) to 10.0.0.2/32"
}
