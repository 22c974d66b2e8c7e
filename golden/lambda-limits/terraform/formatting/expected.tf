resource "aws_lambda_function" "resize" {
	function_name = "resize"   # thumbnails
	role = aws_iam_role.resize.arn
	package_type = "Image"
	image_uri = "${aws_ecr_repository.resize.repository_url}:latest"
	timeout = 3
	memory_size = 2048 # images are large
	# timeout: see ADR-7
	depends_on = [aws_iam_role_policy_attachment.resize]
}

resource "aws_lambda_function" "ping" {
	function_name = "ping"
	timeout       = 3
	memory_size   = 128
}
