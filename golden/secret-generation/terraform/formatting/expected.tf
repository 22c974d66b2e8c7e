# Master password for the ledger database.
resource "random_password" "db_master" {
    length = 32 # legacy client limit
    # specials keep the password policy happy
    min_special = 2
    keepers = {
        rotation = "2024-01"
    }
    override_special = "!#$%&*()-_=+[]{}<>:?"
}
data "aws_secretsmanager_random_password" "api_key" {
    exclude_numbers    = true
    password_length    = 32
    exclude_characters = " \"'@/\\"
}
