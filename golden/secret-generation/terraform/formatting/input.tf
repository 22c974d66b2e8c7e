# Master password for the ledger database.
resource "random_password" "db_master" {
    length = 12 # legacy client limit
    # specials keep the password policy happy
    min_special = 2
    keepers = {
        rotation = "2024-01"
    }
}
data "aws_secretsmanager_random_password" "api_key" { exclude_numbers = true }
