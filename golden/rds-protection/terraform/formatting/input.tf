# Primary database of the billing service.
resource "aws_db_instance" "billing" {
    identifier = "billing"   # shared across environments
    engine = "mariadb"
    instance_class = "db.t4g.small"
    allocated_storage = 20
    username = "billing"
    password = var.db_password # rotated by the platform team
    storage_encrypted = true
    # keep the last snapshot on destroy
    final_snapshot_identifier = "billing-final"
    lifecycle {
        ignore_changes = [password]
    }
    tags = { Team = "billing" }
}

resource "aws_rds_cluster" "audit" { # append-only audit trail
    cluster_identifier = "audit"
    engine = "aurora-postgresql"
    master_username = "audit"
    master_password = var.db_password
    storage_encrypted = true
    backup_retention_period = 35 # compliance: five weeks


    deletion_protection = null # TODO
}
