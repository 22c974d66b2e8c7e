# The appliance only accepts 16 characters.
# iacfix: ignore[secret-generation]
resource "random_password" "appliance" {
  length = 16
}
