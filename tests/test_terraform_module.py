"""Terraform codemods read the module (the directory), not the file: the environment
variable declared in a sibling file, the variables file a new variable goes to, the role
defined in iam.tf, a suppression written beside a function in another file."""

from __future__ import annotations

from iacfix import codemods
from iacfix.engine import ModuleFile, Settings, process_module
from iacfix.sources import SourceText

ROLE = '''resource "aws_iam_role" "worker" {
  name               = "worker-${var.stage}"
  assume_role_policy = "{}"
}
'''
FUNCTION = '''%sresource "aws_lambda_function" "worker" {
  function_name = "worker-${var.stage}"
  role          = aws_iam_role.worker.arn
  tracing_config {
    mode = "Active"
  }
}
'''
QUEUE = '''resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
'''


def run(files, *slugs, unsafe=False, fix=True):
    mods = [ModuleFile(p, SourceText.from_string(t)) for p, t in files.items()]
    settings = Settings(codemods=codemods.select(list(slugs)), fix=fix, unsafe_fixes=unsafe)
    return {r.path: r for r in process_module(mods, "terraform", settings)}


def text(res):
    return res.new if res.new is not None else res.original


def test_xray_grant_goes_beside_the_role_in_its_own_file():
    out = run({"iam.tf": ROLE, "lambda.tf": FUNCTION % ""}, "lambda-tracing")
    assert 'resource "aws_iam_role_policy_attachment" "worker_xray"' in text(out["iam.tf"])
    # the function waits for the grant, written in the function's own file
    assert text(out["lambda.tf"]).endswith("\n  depends_on = [aws_iam_role_policy_attachment.worker_xray]\n}\n")


def test_tracing_is_not_half_fixed_when_the_role_is_not_in_the_module():
    fn = (FUNCTION % "").replace("aws_iam_role.worker.arn", "var.role_arn").replace(
        '  tracing_config {\n    mode = "Active"\n  }\n', "")
    out = run({"lambda.tf": fn}, "lambda-tracing")
    assert out["lambda.tf"].new is None
    [f] = out["lambda.tf"].remaining
    assert f.gap.applicability == "display-only" and "AWSXRayDaemonWriteAccess" in f.gap.message


def test_a_suppressed_function_in_another_file_asks_for_no_grant():
    untraced = (FUNCTION % "# iacfix: ignore[lambda-tracing]\n").replace(
        '  tracing_config {\n    mode = "Active"\n  }\n', "")
    out = run({"iam.tf": ROLE, "lambda.tf": untraced}, "lambda-tracing", fix=False)
    assert [f.gap.message for f in out["iam.tf"].findings] == []
    # the same function without the comment will trace once fixed: its role needs the grant
    out = run({"iam.tf": ROLE, "lambda.tf": untraced.replace("# iacfix: ignore[lambda-tracing]\n", "")},
              "lambda-tracing", fix=False)
    assert [f.gap.detail for f in out["iam.tf"].findings] == ["xray"]


def test_the_environment_variable_of_a_sibling_file_is_used():
    files = {"variables.tf": 'variable "stage" {\n  type = string\n}\n', "queue.tf": QUEUE}
    out = run(files, "environment-suffix", unsafe=True)
    assert 'name = "jobs-${var.stage}"' in text(out["queue.tf"])
    assert out["variables.tf"].new is None  # nothing declared twice


def test_a_new_variable_goes_to_variables_tf_once():
    files = {"a.tf": QUEUE, "b.tf": QUEUE.replace("jobs", "mail"), "variables.tf": 'variable "region" {}\n',
             "inputs.tf": 'variable "a" {}\n\nvariable "b" {}\n'}
    out = run(files, "environment-suffix", unsafe=True)
    assert out["inputs.tf"].new is None  # variables.tf is where variables go, even with fewer
    assert text(out["variables.tf"]).count('variable "environment_suffix"') == 1
    assert "variable" not in text(out["a.tf"]) and "variable" not in text(out["b.tf"])
    assert '"jobs-${var.environment_suffix}"' in text(out["a.tf"])
    assert '"mail-${var.environment_suffix}"' in text(out["b.tf"])


def test_without_variables_tf_the_file_declaring_most_variables_takes_it():
    files = {"main.tf": QUEUE, "inputs.tf": 'variable "a" {}\n\nvariable "b" {}\n', "one.tf": 'variable "c" {}\n'}
    out = run(files, "environment-suffix", unsafe=True)
    assert 'variable "environment_suffix"' in text(out["inputs.tf"])
    assert out["one.tf"].new is None


def test_environment_tag_in_a_sibling_file_is_fixed_once_the_variable_exists():
    files = {"variables.tf": 'variable "region" {}\n', "queue.tf": QUEUE}
    out = run(files, "environment-suffix", "required-tags", unsafe=True)
    assert "Environment = var.environment_suffix" in text(out["queue.tf"])
    assert not [f for f in out["queue.tf"].remaining if f.rule == codemods.lookup("required-tags").id]


def test_default_tags_of_a_provider_in_another_file_count():
    provider = 'provider "aws" {\n  default_tags {\n    tags = {\n      Environment = var.stage\n      ManagedBy = "terraform"\n    }\n  }\n}\n'
    out = run({"providers.tf": provider, "queue.tf": QUEUE}, "required-tags", fix=False)
    assert out["queue.tf"].findings == []


def test_shared_tags_local_in_another_file_is_fixed_once_and_used():
    files = {"locals.tf": 'locals {\n  common_tags = {\n    Team = "x"\n  }\n}\n',
             "a.tf": QUEUE.replace('  name = "jobs"\n', '  name = "jobs"\n  tags = local.common_tags\n'),
             "b.tf": QUEUE.replace("jobs", "mail"), "variables.tf": 'variable "stage" {}\n'}
    out = run(files, "required-tags")
    assert "ManagedBy   = \"terraform\"" in text(out["locals.tf"]) and "Environment = var.stage" in text(out["locals.tf"])
    assert out["a.tf"].new is None
    assert "tags = local.common_tags" in text(out["b.tf"])


def test_a_functions_log_group_declared_in_another_file_is_seen():
    group = 'resource "aws_cloudwatch_log_group" "worker" {\n  name              = "/aws/lambda/worker-${ var.stage }"\n  retention_in_days = 7\n}\n'
    res = run({"main.tf": FUNCTION % "", "logs.tf": group}, "log-retention", "removal-policy", unsafe=True, fix=False)
    assert res["main.tf"].findings == []
    # removal-policy leaves a function's own log group to log-retention (either order, one file)
    assert [f.rule for f in res["logs.tf"].findings] == []


def test_a_function_without_its_log_group_gets_one_after_it_and_depends_on_it():
    res = run({"main.tf": FUNCTION % ""}, "log-retention", unsafe=True)
    out = text(res["main.tf"])
    assert 'depends_on = [aws_cloudwatch_log_group.worker_logs]' in out
    assert out.endswith('resource "aws_cloudwatch_log_group" "worker_logs" {\n'
                        '  name              = "/aws/lambda/worker-${var.stage}"\n'
                        '  retention_in_days = 30\n}\n')
    # safe fixes only: reported, with what to do when the function has already run
    (f,) = run({"main.tf": FUNCTION % ""}, "log-retention")["main.tf"].remaining
    assert f.gap.unsafe and "terraform import aws_cloudwatch_log_group.worker_logs /aws/lambda/worker-${var.stage}" in f.gap.message
