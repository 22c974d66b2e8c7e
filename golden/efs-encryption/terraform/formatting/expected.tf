# Shared scratch space for the batch workers
resource "aws_efs_file_system" "scratch" {
    creation_token = "scratch" # unique per account
    throughput_mode = "bursting"
    encrypted = true

    # lifecycle_policy { transition_to_ia = "AFTER_7_DAYS" }

    tags = { Name = "scratch" }
}
resource "aws_efs_file_system" "home" {
    creation_token = "home"
    encrypted      = true
}
