"""stack-outputs closes a module in one run, however many resources need an output: the
outputs all go to one place (the end of Outputs, of the module's outputs, of the program),
so one fix writes them all instead of one per pass of the engine (which has a bounded
number). CDK writes each output after its own construct: one fix each, all in one pass."""

from __future__ import annotations

import pytest

import iacfix.codemods as codemods
from iacfix.engine import MAX_PASSES, Settings, process_source
from iacfix.sources import SourceText

N = MAX_PASSES + 4  # more resources than the engine has passes

PROGRAMS = {
    "cloudformation": ("t.yaml", "Resources:\n" + "".join(
        f"  Queue{i}:\n    Type: AWS::SQS::Queue\n" for i in range(N))),
    "terraform": ("main.tf", "\n".join(
        f'resource "aws_sqs_queue" "q{i}" {{\n  name = "q{i}"\n}}\n' for i in range(N))),
    "pulumi": ("__main__.py", "import pulumi_aws as aws\n\n" + "".join(
        f'q{i} = aws.sqs.Queue("q{i}")\n' for i in range(N))),
    "cdk": ("app.py", "from aws_cdk import Stack, aws_sqs as sqs\nfrom constructs import Construct\n\n\n"
                      "class Queues(Stack):\n    def __init__(self, scope: Construct, id: str) -> None:\n"
                      "        super().__init__(scope, id)\n" + "".join(
                          f'        q{i} = sqs.Queue(self, "Q{i}")\n' for i in range(N))),
    "go": ("stack.go", "package stacks\n\nimport (\n\t\"github.com/aws/aws-cdk-go/awscdk/v2\"\n"
                       "\t\"github.com/aws/aws-cdk-go/awscdk/v2/awssqs\"\n"
                       "\t\"github.com/aws/constructs-go/constructs/v10\"\n\t\"github.com/aws/jsii-runtime-go\"\n)\n\n"
                       "func NewQueues(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {\n"
                       "\tstack := awscdk.NewStack(scope, &id, props)\n\n" + "".join(
                           f'\tq{i} := awssqs.NewQueue(stack, jsii.String("Q{i}"), nil)\n' for i in range(N))
           + "\n\treturn stack\n}\n"),
}
SETTINGS = Settings(codemods=[codemods.lookup("stack-outputs")], fix=True)


def run(language, text):
    path = PROGRAMS[language][0]
    res = process_source(SourceText.from_string(text), language, path, SETTINGS)
    assert res.error is None and not res.failed, (res.error, [f.reason for f in res.failed])
    return res


@pytest.mark.parametrize("language", sorted(PROGRAMS))
def test_one_run_writes_every_output_and_a_second_run_changes_nothing(language):
    text = PROGRAMS[language][1]
    assert len(run(language, text).findings) == N
    once = run(language, text)
    assert once.new is not None and not once.remaining
    again = run(language, once.new)
    assert again.new is None and not again.findings


def test_a_suppressed_resource_gets_no_output_from_the_others_fix():
    text = PROGRAMS["pulumi"][1].replace('q3 = ', '# iacfix: ignore[stack-outputs]\nq3 = ')
    once = run("pulumi", text)
    assert once.new.count("pulumi.export(") == N - 1 and "q3.url" not in once.new
    assert run("pulumi", once.new).new is None
