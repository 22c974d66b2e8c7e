"""The language-independent rules some codemods share across languages."""

import pytest

from iacfix.codemods.api_access_logging import formats
from iacfix.codemods.iam_wildcard.actions import Narrowing, narrowing
from iacfix.codemods.secret_generation.rules import allowed_specials, missing_exclusions
from iacfix.codemods.sg_rule_description.describe import describe


@pytest.mark.parametrize(
    "args, text",
    [
        (("ingress", "tcp", 443, 443, "10.0.0.0/16"), "Allow HTTPS (tcp/443) from 10.0.0.0/16"),
        (("ingress", "6", 5432, 5432, "AppSecurityGroup"), "Allow PostgreSQL (tcp/5432) from AppSecurityGroup"),
        (("egress", "-1", None, None, "0.0.0.0/0"), "Allow all traffic to anywhere"),
        (("ingress", "tcp", 8000, 8080, "::/0"), "Allow tcp/8000-8080 from anywhere (IPv6)"),
        (("ingress", "udp", 0, 65535, None), "Allow all UDP ports"),
        (("ingress", "tcp", None, None, "this security group"), "Allow tcp traffic from this security group"),
        (("ingress", "icmp", -1, -1, "10.0.0.0/8"), "Allow ICMP from 10.0.0.0/8"),
        (("ingress", None, 8080, 8080, None), "Allow port 8080"),
        (("ingress", "tcp", "8443", "8443", None), "Allow tcp/8443"),
    ],
)
def test_describe(args, text):
    assert describe(*args) == text


def test_describe_stays_within_the_aws_limit():
    assert len(describe("ingress", "tcp", 1, 2, "x" * 400)) == 255


def test_allowed_specials_drop_the_excluded_characters():
    assert allowed_specials(" \"'@/\\") == "!#$%&*()-_=+[]{}<>:?"
    assert missing_exclusions("@/", " \"'@/\\") == " \"'\\"


@pytest.mark.parametrize(
    "actions, forms",
    [
        (["dynamodb:GetItem", "dynamodb:PutItem"], ("resource",)),
        (["dynamodb:Query"], ("resource", "indexes")),
        (["s3:GetObject", "s3:PutObject"], ("objects",)),
        (["s3:ListBucket", "s3:GetObject"], ("resource", "objects")),
        (["lambda:InvokeFunction"], ("resource", "qualified")),
        (["SQS:SendMessage"], ("resource",)),
    ],
)
def test_narrowing_names_the_arn_forms(actions, forms):
    n = narrowing(actions)
    assert isinstance(n, Narrowing) and n.forms == forms


@pytest.mark.parametrize(
    "actions, reason",
    [
        (["s3:*"], "wildcard"),
        (["dynamodb:Get*"], "wildcard"),
        (["sqs:SendMessage", "sns:Publish"], "several services"),
        (["sqs:ListQueues", "sqs:SendMessage"], "only works on '*'"),
        (["dynamodb:GetRecords"], "stream"),
        (["ec2:DescribeInstances"], "does not narrow ec2"),
        ([], "no actions"),
    ],
)
def test_narrowing_refuses_what_is_not_certain(actions, reason):
    r = narrowing(actions)
    assert isinstance(r, str) and reason in r


def test_access_log_formats_are_one_line_json():
    import json

    line = formats.one_line(formats.REST)
    assert "\n" not in line and " " not in line
    assert json.loads(line)["resourcePath"] == "$context.resourcePath"
    assert "routeKey" in json.loads(formats.one_line(formats.HTTP))


def test_config_rejects_a_value_outside_a_parameters_choices():
    from iacfix.config import ConfigError, parse_config

    cfg = parse_config({"removal-policy": {"profile": "ephemeral"}}, None)
    assert cfg.params["removal-policy"] == {"profile": "ephemeral"}
    with pytest.raises(ConfigError) as e:
        parse_config({"removal-policy": {"profile": "staging"}}, None)
    assert 'removal-policy.profile: "staging" is not accepted; expected one of "production", "ephemeral"' in str(e.value)


def test_rules_says_which_codemods_only_have_unsafe_fixes():
    from click.testing import CliRunner

    from iacfix.cli import main

    out = CliRunner().invoke(main, ["rules"]).output
    blocks = dict(zip(out.splitlines()[::2], out.splitlines()[1::2]))
    fix = {head.split()[1]: body.rsplit("fix: ", 1)[1].split("; severity")[0] for head, body in blocks.items()}
    assert fix["environment-suffix"] == fix["iam-wildcard"] == fix["secret-generation"] == "unsafe (every fix)"
    assert fix["dead-letter-queue"] == "safe"
    assert fix["kms-key-rotation"] == "safe (unsafe for explicit opposite values)"


def test_a_closed_pipe_ends_the_output_quietly(tmp_path):
    import subprocess
    import sys

    # Far more findings than a pipe buffers, so the writer meets the closed pipe.
    queues = "".join(f"  Queue{i}:\n    Type: AWS::SQS::Queue\n" for i in range(1500))
    (tmp_path / "big.yaml").write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + queues)
    r = subprocess.run(
        f"{sys.executable} -m iacfix.cli check -j 1 big.yaml | head -1",
        shell=True, capture_output=True, text=True, cwd=tmp_path,
    )
    assert r.stdout.startswith("big.yaml:3:3: ")
    assert r.stderr == ""


@pytest.mark.parametrize(
    "actions, right",
    [
        (["xray:PutTraceSegments", "xray:PutTelemetryRecords"], True),
        (["xray:*"], True),
        (["s3:ListAllMyBuckets", "sqs:ListQueues"], True),
        (["cloudwatch:PutMetricData"], True),
        (["sqs:ListQueues", "sqs:SendMessage"], False),
        (["dynamodb:GetItem"], False),
        (["ec2:DescribeInstances"], False),
        ([], False),
    ],
)
def test_statements_whose_actions_only_take_star_are_right(actions, right):
    from iacfix.codemods.iam_wildcard.actions import star_is_right

    assert star_is_right(actions) is right


def test_an_xray_statement_on_star_is_not_an_iam_wildcard_finding(tmp_path):
    from click.testing import CliRunner

    from iacfix.cli import main

    (tmp_path / "main.tf").write_text(
        'resource "aws_iam_role_policy" "xray" {\n'
        '  role = "fn"\n'
        '  policy = jsonencode({\n'
        '    Version = "2012-10-17"\n'
        '    Statement = [\n'
        '      { Effect = "Allow", Action = ["xray:PutTraceSegments"], Resource = "*" },\n'
        '      { Effect = "Allow", Action = ["sqs:SendMessage"], Resource = "*" },\n'
        '    ]\n'
        '  })\n'
        '}\n'
    )
    r = CliRunner().invoke(main, ["check", "--select", "iam-wildcard", "-j", "1", str(tmp_path / "main.tf")])
    lines = [ln for ln in r.output.splitlines() if "IAC025" in ln]
    assert len(lines) == 1 and "sqs:SendMessage" in lines[0], r.output


def test_an_old_redis_gets_no_encryption_finding_in_any_language():
    from iacfix.codemods.elasticache_encryption import can_encrypt
    from iacfix.engine import Settings, process_source
    from iacfix.sources import SourceText

    assert [can_encrypt(v) for v in ("3.2.4", "3.2.6", "4.0.9", "4.0.10", "6.x", "2.8.24")] == \
        [False, True, False, True, True, False]
    import iacfix.codemods as codemods

    settings = Settings(codemods=codemods.select(["elasticache-encryption"]), fix=False)
    texts = {
        "terraform": 'resource "aws_elasticache_replication_group" "r" {\n  replication_group_id = "r"\n'
                     '  description = "r"\n  engine_version = "%s"\n}\n',
        "cloudformation": "Resources:\n  R:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n"
                          "      ReplicationGroupDescription: r\n      EngineVersion: '%s'\n",
    }
    for language, text in texts.items():
        for version, encrypts in (("3.2.4", False), ("7.1", True)):
            res = process_source(SourceText.from_string(text % version), language, "f", settings)
            details = {f.gap.detail for f in res.findings}
            assert ("encryption" in details) is encrypts, (language, version, details)
            assert details - {"encryption"}, "the other requirements still apply"
