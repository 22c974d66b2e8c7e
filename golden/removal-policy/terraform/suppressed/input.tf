# Build artefacts are recreated by CI: nothing to keep or protect.
# iacfix: ignore[removal-policy]
resource "aws_s3_bucket" "artefacts" {
  bucket = "ci-artefacts"
}
