"""Everything tagged, directly or through the provider's default tags."""

import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.get_stack()

tagged = aws.Provider(
    "tagged",
    region="eu-west-1",
    default_tags=aws.ProviderDefaultTagsArgs(
        tags={"Environment": environment_suffix, "ManagedBy": "pulumi"},
    ),
)

grades_table = aws.dynamodb.Table(
    "grades",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    opts=pulumi.ResourceOptions(provider=tagged),
)

results_topic = aws.sns.Topic(
    "results",
    tags={"Environment": environment_suffix, "ManagedBy": "pulumi", "Team": "grading"},
)

# KMS aliases and role policies take no tags.
aws.kms.Alias("grades-alias", name="alias/grades", target_key_id="1234abcd")
