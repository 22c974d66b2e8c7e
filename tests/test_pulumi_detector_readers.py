"""Unit tests of what Pulumi detectors read and rewrite by hand: ``rewrite_call`` and the
detectors' own readers (instance classes, rule peers, escaped exclusions)."""

from __future__ import annotations

import ast
import textwrap

import libcst as cst

from iacfix.core import Context
from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.rds_performance_insights.pulumi import instance_class
from iacfix.codemods.removal_policy import pulumi as removal
from iacfix.codemods.secret_generation import pulumi as secrets
from iacfix.codemods.sg_rule_description import pulumi as sg
from iacfix.core import apply_edits
from iacfix.transforms.python import parse, rewrite_call

HEADER = "import pulumi\nimport pulumi_aws as aws\n\n"


def doc_of(code: str):
    return parse(HEADER + textwrap.dedent(code), "pulumi")


def fix_all(detect, code: str, **params) -> str:
    text = HEADER + textwrap.dedent(code)
    ctx = Context("pulumi", params)
    for _ in range(10):
        gaps = [g for g in detect(parse(text, "pulumi"), ctx) if g.fix is not None]
        if not gaps:
            return text
        text = apply_edits(text, gaps[0].fix())
    raise AssertionError("no fixpoint")


def test_rewrite_call_removes_neighbouring_arguments_one_after_the_other():
    doc = doc_of('db = aws.rds.Instance("db", a=1, b=2,\n                      c=3)\n')
    site = pc.aws_calls(doc, "rds.Instance")[0]

    def drop(name):
        return lambda d, s: d.remove_arg(s.call, next(a for a in s.call.args
                                                      if a.keyword is not None and a.keyword.value == name))

    edits = rewrite_call(doc, site, [drop("b"), drop("c")])
    assert len(edits) == 1
    assert apply_edits(doc.text, edits).endswith('db = aws.rds.Instance("db", a=1)\n')


def test_instance_class_reads_strings_and_the_sdk_enum():
    def node(code):
        return cst.parse_expression(code)

    assert instance_class(node('"db.t3.micro"')) == "db.t3.micro"
    assert instance_class(node("aws.rds.InstanceType.T4_G_SMALL")) == "db.t4g.small"
    assert instance_class(node("rds.InstanceType.R5_2_X_LARGE")) == "db.r5.2xlarge"
    assert instance_class(node("InstanceType.T3_MICRO")) == "db.t3.micro"
    assert instance_class(node("config.require('cls')")) is None


def test_performance_insights_args_form_keeps_the_args_object():
    from iacfix.codemods.rds_performance_insights.pulumi import detect
    out = fix_all(detect, '''\
        db = aws.rds.Instance("db", args=aws.rds.InstanceArgs(
            instance_class="db.t3.micro",
            performance_insights_enabled=True,
            performance_insights_kms_key_id=key.arn,
        ))
    ''', unsupported_classes=["db.t3.micro"])
    assert "performance_insights_enabled=False,\n))" in out
    assert "kms_key_id" not in out


def test_removal_policy_ephemeral_merges_into_options_and_adds_force_destroy():
    out = fix_all(removal.detect, '''\
        b = aws.s3.Bucket("b", opts=pulumi.ResourceOptions(parent=p))
    ''', profile="ephemeral")
    # too long for one line: laid out black style, the options kept on their line
    assert out.endswith('b = aws.s3.Bucket(\n    "b",\n    force_destroy=True,\n'
                        '    opts=pulumi.ResourceOptions(parent=p, protect=False),\n)\n')
    short = fix_all(removal.detect, 'b = aws.s3.Bucket("b", opts=pulumi.ResourceOptions(parent=p))\n', profile="production")
    assert short.endswith('b = aws.s3.Bucket("b", opts=pulumi.ResourceOptions(parent=p, protect=True))\n')


def test_removal_policy_positional_options_are_unknown():
    doc = doc_of('t = aws.dynamodb.Table("t", aws.dynamodb.TableArgs(hash_key="id"), pulumi.ResourceOptions())\n')
    assert list(removal.detect(doc, Context("pulumi", {"profile": "production"}))) == []


def test_sg_rule_peers_are_named_as_the_file_names_them():
    doc = doc_of('''\
        r = aws.ec2.SecurityGroupRule("r", type="ingress", protocol="tcp", from_port=5432, to_port=5432,
                                      security_group_id=db.id, source_security_group_id=self.app_sg.id)
    ''')
    (gap,) = sg.detect(doc, Context("pulumi", {}))
    out = apply_edits(doc.text, gap.fix())
    assert 'description="Allow PostgreSQL (tcp/5432) from app_sg"' in out


def test_sg_rule_with_unknown_direction_names_no_peer():
    doc = doc_of('r = aws.ec2.SecurityGroupRule("r", type=kind, protocol="tcp", from_port=22, to_port=22, '
                 'cidr_blocks=["10.0.0.0/8"], security_group_id=sg.id)\n')
    (gap,) = sg.detect(doc, Context("pulumi", {}))
    assert 'description="Allow SSH (tcp/22)"' in apply_edits(doc.text, gap.fix())


def test_exclusions_are_escaped_in_either_quote_style():
    excl = " \"'@/\\"
    params = {"password_length": 32, "exclude_characters": excl}
    for quote in ("'", '"'):
        out = fix_all(secrets.detect, f"pw = aws.secretsmanager.get_random_password(password_length=40, "
                                      f"exclude_characters={quote}:{quote})\n", **params)
        call = out.splitlines()[-1]
        value = ast.literal_eval(call.split("exclude_characters=", 1)[1].rsplit(")", 1)[0])
        assert value == ":" + excl
        assert call.split("exclude_characters=", 1)[1].startswith(quote)


def test_override_special_drops_only_the_excluded_characters():
    from iacfix.codemods.secret_generation.rules import allowed_specials
    params = {"password_length": 32, "exclude_characters": "@/"}
    out = fix_all(secrets.detect, '''\
        import pulumi_random as random
        pw = random.RandomPassword("pw", length=32, override_special="@@/")
    ''', **params)
    assert f'override_special="{allowed_specials("@/")}"' in out
    out = fix_all(secrets.detect, '''\
        import pulumi_random as random
        pw = random.RandomPassword("pw", length=32, override_special="!@#")
    ''', **params)
    assert 'override_special="!#"' in out
