resource "aws_ecs_cluster" "api" {   # serves the public API
	name = "api"
	service_connect_defaults {
		namespace = aws_service_discovery_http_namespace.api.arn
	}
	// tags come from the provider's default_tags
}

resource "aws_ecs_cluster" "empty" {}
