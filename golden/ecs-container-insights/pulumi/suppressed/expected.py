"""A cluster for load tests, torn down after each run."""

import pulumi_aws as aws

# iacfix: ignore[ecs-container-insights] -- load-test cluster, metrics come from the load generator
load_test = aws.ecs.Cluster(
    "load-test",
    tags={"Purpose": "load-test"},
)

sandbox = aws.ecs.Cluster("sandbox")  # iacfix: ignore[IAC020]
