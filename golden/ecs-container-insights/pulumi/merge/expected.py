"""Settings lists without the Container Insights entry, or with an entry missing its value."""

import pulumi_aws as aws

batch = aws.ecs.Cluster(
    "batch",
    settings=[
        {"name": "someFutureSetting", "value": "on"},
        {"name": "containerInsights", "value": "enabled"},
    ],
    configuration={"execute_command_configuration": {"logging": "DEFAULT"}},
)

api = aws.ecs.Cluster("api", settings=[
    aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")
])

reports = aws.ecs.Cluster(
    "reports",
    settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")],
)
