"""Terraform: the policy-document reader shared by lambda-tracing and
iam-wildcard, and the order of nested blocks the Terraform adapter adds."""

from __future__ import annotations

from iacfix.core import Context
from iacfix.codemods.common.terraform import policy_statements
from iacfix.codemods.lang.terraform import rule_detector
from iacfix.codemods.spec import Exactly, Nested, Rule
from iacfix.core import apply_edits
from iacfix.transforms import terraform as tf

POLICIES = '''
resource "aws_iam_role_policy" "a" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["xray:PutTraceSegments"], Resource = "*" },
      { "Effect" = "Deny", "NotAction" = "s3:*", "Resource" = "*" },
      { Effect = "Allow", Action = var.actions, Resource = "*" },
    ]
  })
}
resource "aws_iam_role_policy" "b" {
  policy = data.aws_iam_policy_document.b.json
}
data "aws_iam_policy_document" "b" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
  statement {
    effect      = "Deny"
    not_actions = ["kms:Decrypt"]
  }
}
resource "aws_iam_role_policy" "c" {
  policy = <<EOF
{"Statement": {"Effect": "Allow", "Action": "logs:*"}}
EOF
}
resource "aws_iam_role_policy" "d" {
  policy = file("policy.json")
}
resource "aws_iam_role_policy" "e" {
  policy = data.aws_iam_policy_document.e.json
}
data "aws_iam_policy_document" "e" {
  source_policy_documents = [data.aws_iam_policy_document.b.json]
}
'''


def _statements(label):
    doc = tf.parse(POLICIES)
    return policy_statements(doc, doc.resource("aws_iam_role_policy", label).attr("policy").value)


def test_jsonencode_statements():
    sts = _statements("a")
    assert [(s.style, s.effect, s.actions, s.not_action) for s in sts] == [
        ("json", "Allow", ["xray:PutTraceSegments"], False),
        ("json", "Deny", ["s3:*"], True),
        ("json", "Allow", None, False),
    ]
    assert tf.string_value(sts[0].resource) == "*"


def test_policy_document_statements_default_to_allow():
    sts = _statements("b")
    assert [(s.style, s.effect, s.actions, s.not_action) for s in sts] == [
        ("document", "Allow", ["sqs:SendMessage"], False),
        ("document", "Deny", ["kms:Decrypt"], True),
    ]
    assert sts[1].resource is None


def test_json_text_is_read_and_a_single_statement_object_counts():
    (st,) = _statements("c")
    assert (st.style, st.effect, st.actions) == ("text", "Allow", ["logs:*"])


def test_unreadable_documents_are_unknown():
    assert _statements("d") is None
    assert _statements("e") is None  # merged from other documents


FUNCTION = '''resource "aws_lambda_function" "f" {
  function_name = "f"

  environment {
    variables = {}
  }

  dead_letter_config {
    target_arn = "arn"
  }

  tags = {}
}
'''


def test_tracing_config_goes_before_a_trailing_dead_letter_config():
    detect = rule_detector(Rule(("lambda.Function",), {"tracing_config": Nested({"mode": Exactly("Active")})},
                                what="Lambda function"), "t")
    doc = tf.parse(FUNCTION)
    (g,) = list(detect(doc, Context("terraform", {})))
    out = apply_edits(doc.text, g.fix())
    assert out.index("environment {") < out.index("tracing_config {") < out.index("dead_letter_config {")
    assert '  }\n\n  tracing_config {\n    mode = "Active"\n  }\n\n  dead_letter_config {' in out


def test_legacy_interpolation_only_strings_are_read_as_their_expression():
    from iacfix.codemods.common.terraform import bare

    doc = tf.parse('x "y" {\n  a = "${aws_iam_role.r.arn}"\n  b = "arn:${var.p}"\n}\n')
    a, b = doc.blocks[0].attr("a"), doc.blocks[0].attr("b")
    assert tf.traversal(bare(a.value)) == ["aws_iam_role", "r", "arn"]
    assert bare(b.value).data == "string"


def test_add_variable_goes_after_the_last_variable_or_before_the_first_resource_and_its_comments():
    from iacfix.codemods.common.terraform import add_variable, suffix_variable

    text = 'provider "aws" {\n  region = "eu-west-1"\n}\n\n# Orders.\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n'
    doc = tf.parse(text)
    assert suffix_variable(doc) is None
    out = apply_edits(text, [add_variable(doc, "environment_suffix", "dev")])
    assert out == ('provider "aws" {\n  region = "eu-west-1"\n}\n\nvariable "environment_suffix" {\n'
                   '  type    = string\n  default = "dev"\n}\n\n# Orders.\nresource "aws_sqs_queue" "q" {\n'
                   '  name = "q"\n}\n')
    assert suffix_variable(tf.parse(out)) == "var.environment_suffix"
    text2 = 'variable "region" {\n  type = string\n}\n\nresource "aws_sqs_queue" "q" {}\n'
    out2 = apply_edits(text2, [add_variable(tf.parse(text2), "environment_suffix", "dev")])
    assert out2.index('variable "region"') < out2.index('variable "environment_suffix"') < out2.index("resource")


def test_suffix_variable_prefers_the_parameter_name_then_the_usual_names():
    from iacfix.codemods.common.terraform import suffix_variable

    assert suffix_variable(tf.parse('x "y" {\n  a = var.stage\n}\n')) == "var.stage"
    assert suffix_variable(tf.parse('x "y" {\n  a = var.stage\n  b = var.env_name\n}\n'), "env_name") == "var.env_name"


def test_suffixed_keeps_fifo_last_and_follows_underscores():
    from iacfix.codemods.environment_suffix.terraform import suffixed

    assert suffixed("orders.fifo", "var.e") == "orders-${var.e}.fifo"
    assert suffixed("nightly_rebuild", "var.e") == "nightly_rebuild_${var.e}"
    assert suffixed("/aws/lambda/x", "var.e") == "/aws/lambda/x-${var.e}"


def test_companions_keep_the_provider_and_region_of_what_they_serve():
    from iacfix.codemods.common.terraform import served_by

    doc = tf.parse('resource "aws_lambda_function" "f" {\n  provider = aws.prod\n  region   = "us-east-1"\n}\n'
                   'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n')
    fn, queue = doc.resource("aws_lambda_function", "f"), doc.resource("aws_sqs_queue", "q")
    assert served_by(doc, fn, "aws_sqs_queue", [("name", '"x"')]) == [
        ("provider", "aws.prod"), ("region", '"us-east-1"'), ("name", '"x"')]
    # IAM is global: its resources take no region, only the provider (the account)
    assert served_by(doc, fn, "aws_iam_role_policy", []) == [("provider", "aws.prod")]
    assert served_by(doc, queue, "aws_sqs_queue", [("name", '"x"')]) == [("name", '"x"')]
