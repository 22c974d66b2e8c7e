"""Tracing is turned on only where the grant can be given: a function whose execution role
is not a role of the program is reported without a fix (Lambda rejects tracing when the
role may not write traces), in every language that writes the grant by hand."""

from __future__ import annotations

import pytest

from iacfix import codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText

PULUMI = '''import pulumi
import pulumi_aws as aws

config = pulumi.Config()

aws.lambda_.Function(
    "worker",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./src"),
    role=%s,
)
'''


def run(text, language="pulumi"):
    settings = Settings(codemods=codemods.select(["lambda-tracing"]), fix=True)
    return process_source(SourceText.from_string(text), language, "f", settings)


@pytest.mark.parametrize("role", ['config.require("role_arn")', '"arn:aws:iam::123456789012:role/worker"',
                                  "shared.role.arn"])
def test_pulumi_function_with_a_role_outside_the_program_is_reported_not_fixed(role):
    res = run(PULUMI % role)
    assert res.new is None
    [finding] = res.remaining
    assert not finding.fixable and "not a role of this program" in finding.gap.message


def test_pulumi_function_with_its_role_in_the_file_is_traced_and_the_role_granted():
    text = PULUMI.replace("role=%s", "role=worker_role.arn").replace(
        'aws.lambda_.Function(', 'worker_role = aws.iam.Role("worker-role", assume_role_policy="{}")\n\naws.lambda_.Function(')
    res = run(text)
    assert 'mode="Active"' in res.new and "AWSXRayDaemonWriteAccess" in res.new
