"""Role names an AWS service looks up by name (codemods/common/aws.py SERVICE_ROLE_NAMES) take
no environment suffix, in every language; a name of the stack's own choosing still does."""

import pytest

from iacfix.codemods.environment_suffix import CODEMOD
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText

SNIPPETS = {
    "cloudformation": ("t.yaml", "Resources:\n  V:\n    Type: AWS::IAM::Role\n    Properties:\n"
                                 "      RoleName: {name}\n"),
    "terraform": ("main.tf", 'resource "aws_iam_role" "v" {{\n  name = "{name}"\n}}\n'),
    "cdk": ("app.py", 'from aws_cdk import aws_iam as iam\n\niam.Role(self, "V", role_name="{name}", assumed_by=p)\n'),
    "pulumi": ("__main__.py", 'import pulumi_aws as aws\n\naws.iam.Role("v", name="{name}", assume_role_policy="{{}}")\n'),
}


def findings(language: str, name: str):
    path, text = SNIPPETS[language]
    res = process_source(SourceText.from_string(text.format(name=name)), language, path,
                         Settings(codemods=[CODEMOD], fix=False))
    return [f for f in res.findings if f.slug == "environment-suffix"]


@pytest.mark.parametrize("language", sorted(SNIPPETS))
def test_service_role_names_are_left_alone(language):
    assert findings(language, "dms-vpc-role") == []
    assert findings(language, "AWSCloudFormationStackSetExecutionRole") == []
    assert len(findings(language, "orders-role")) == 1
