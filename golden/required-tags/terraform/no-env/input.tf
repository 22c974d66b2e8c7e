resource "aws_ecr_repository" "grader" {
  name                 = "grader"
  image_tag_mutability = "IMMUTABLE"
}
