resource "aws_rds_cluster" "sessions" {
  cluster_identifier          = "sessions"
  engine                      = "aurora-postgresql"
  engine_version              = "16.4"
  master_username             = "sessions_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_rds_cluster_instance" "sessions" {
  count              = 2
  identifier         = "sessions-${count.index}"
  cluster_identifier = aws_rds_cluster.sessions.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.sessions.engine
  engine_version     = aws_rds_cluster.sessions.engine_version
}

