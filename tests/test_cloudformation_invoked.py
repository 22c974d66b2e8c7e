"""Which functions CloudFormation itself invokes (stated once in common/cloudformation.py):
dead-letter-queue and alarms both leave them alone."""

from pathlib import Path

from iacfix.codemods.common.cloudformation import invoked_by_cloudformation
from iacfix.transforms.cloudformation import parse
from tests.test_suppress import run

CASE = Path(__file__).resolve().parent.parent / "golden" / "alarms" / "cloudformation" / "cloudformation-invoked"


def test_custom_resource_macro_and_macro_handed_functions():
    text = (CASE / "input.yaml").read_text()
    got = invoked_by_cloudformation(parse(text))
    assert set(got) == {"LookupFunction", "ExpandFunction", "ExpandedResourceFunction", "ReplyFunction"}
    assert "macro" in got["ExpandedResourceFunction"] and "description" in got["ReplyFunction"]


def test_dead_letter_queue_and_alarms_agree():
    text = (CASE / "input.yaml").read_text()
    for slug in ("dead-letter-queue", "alarms"):
        res = run(text, "cloudformation", "stack.yaml", select=(slug,))
        assert {f.gap.resource_name for f in res.findings} | {f.gap.resource_name for f in res.fixed} \
            <= {"ResizeFunction"}, slug
