"""IAC020 ecs-container-insights: ECS clusters have Container Insights."""

from iacfix.codemods.spec import (
    Codemod, Entry, Exactly, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC020',
    slug='ecs-container-insights',
    tags=("observability",),
    severity='low',
    title='ECS clusters have Container Insights',
    rationale=(
        'Without Container Insights an ECS cluster reports only cluster-level CPU and memory: no '
        'per-service or per-task metrics, no view of restarts or of which task is starved. iacfix '
        'enables it on every cluster.'
    ),
    checkov=('CKV_AWS_65',),
    cdk_nag=("AwsSolutions-ECS4",),
    unsafe_note='Container Insights explicitly disabled is reported; enabling it is unsafe',

    rules=(
        Rule(
            ("ecs.Cluster",),
            {"cluster_settings": Entry(
                "name", "containerInsights",
                {"value": Exactly("enabled", accept=("enhanced",), label="Container Insights")},
                label="Container Insights",
            )},
            what="ECS cluster",
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_ecs_cluster" "c" {\n  name = "c"\n}\n'),
        valid('terraform', 'resource "aws_ecs_cluster" "c" {\n  setting {\n    name  = "containerInsights"\n    value = "enhanced"\n  }\n}\n'),
        invalid('cloudformation', 'Resources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: c\n'),
        valid('cloudformation', 'Resources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n'),
        invalid('cdk', 'from aws_cdk import aws_ecs as ecs\n\necs.Cluster(self, "C")\n'),
        valid('cdk', 'from aws_cdk import aws_ecs as ecs\n\necs.Cluster(self, "C", container_insights=True)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.ecs.Cluster("c")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.ecs.Cluster("c", settings=[{"name": "containerInsights", "value": "enabled"}])\n'),
    ),
    detectors=language_detectors(__name__),
)
