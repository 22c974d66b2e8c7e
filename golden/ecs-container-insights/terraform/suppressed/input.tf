# Sandbox cluster: Container Insights costs more than the workloads.
resource "aws_ecs_cluster" "sandbox" { # iacfix: ignore[IAC020]
  name = "sandbox"
}
