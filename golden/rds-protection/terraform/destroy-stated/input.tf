# A scratch database: skip_final_snapshot says it goes with the stack, so no deletion protection.
resource "aws_db_instance" "d" {
  identifier = "d-${var.env}"
  engine = "postgres"
  skip_final_snapshot = true
  deletion_protection = false
}
