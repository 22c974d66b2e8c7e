# Reporting replica, sized down for staging.
resource "aws_db_instance" "reporting" {
    identifier     = "reporting" # fixed name
    engine         = "mysql"
    instance_class = "db.t4g.small"

    # Performance Insights: keep a week of history.
    performance_insights_enabled          = true # on for tuning
    performance_insights_retention_period = 7    # days
    performance_insights_kms_key_id       = aws_kms_key.pi.arn
    allocated_storage                     = 20 # GiB

    username = "admin"
    password = var.db_password # from the vault
}
