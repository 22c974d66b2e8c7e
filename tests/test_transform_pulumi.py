"""Unit tests of the Pulumi Python conventions (codemods/common/pulumi.py) and detectors."""

from __future__ import annotations

import textwrap

import pytest

from iacfix.core import Context
from iacfix.codemods.common import pulumi as pc
from iacfix.core import FixError, apply_edits
from iacfix.transforms import python as py
from iacfix.transforms.python import parse


def doc_of(code: str):
    return parse(textwrap.dedent(code), "pulumi")


def site(doc, cls="sqs.Queue", i=0):
    return pc.aws_calls(doc, cls)[i]


def applied(doc, edits) -> str:
    return apply_edits(doc.text, edits)


HEADER = "import pulumi\nimport pulumi_aws as aws\n\n"


# ------------------------------------------------------------------ naming
@pytest.mark.parametrize(
    "name, word, expected",
    [
        ('"orders"', "dlq", '"orders-dlq"'),
        ("'orders'", "dlq", "'orders-dlq'"),
        ('"OrdersQueue"', "dlq", '"OrdersQueueDlq"'),
        ('"ordersQueue"', "dlq", '"ordersQueueDlq"'),
        ('"orders_queue"', "dlq", '"orders_queue_dlq"'),
        ('"orders.fifo"', "dlq", '"orders-dlq.fifo"'),
        ('f"payment-queue-{environment_suffix}"', "dlq", 'f"payment-queue-dlq-{environment_suffix}"'),
        ('f"orders-{env}.fifo"', "dlq", 'f"orders-dlq-{env}.fifo"'),
        ('f"{name}-queue"', "dlq", 'f"{name}-queue-dlq"'),
        ('f"{name}Queue"', "dlq", 'f"{name}QueueDlq"'),
        ('f"{prefix}-{env}"', "dlq", 'f"{prefix}-dlq-{env}"'),
        ('f"{name}"', "dlq", 'f"{name}-dlq"'),
        ('"%s-ingest" % prefix', "dlq", '"%s-ingest-dlq" % prefix'),
        ('"{}-ingest".format(prefix)', "dlq", '"{}-ingest-dlq".format(prefix)'),
        ("name", "dlq", 'f"{name}-dlq"'),
        ('"stage"', "method-settings", '"stage-method-settings"'),
        ('"Stage"', "method-settings", '"StageMethodSettings"'),
    ],
)
def test_derive_name(name, word, expected):
    doc = doc_of(HEADER + f"q = aws.sqs.Queue({name})\n")
    assert pc.derive_name(doc, pc.name_node(site(doc)), word) == expected


def test_derive_name_unknown_expression_is_a_fix_error():
    doc = doc_of(HEADER + "q = aws.sqs.Queue(names[0])\n")
    with pytest.raises(FixError):
        pc.derive_name(doc, pc.name_node(site(doc)), "dlq")


def test_derive_var_avoids_names_in_use():
    doc = doc_of(HEADER + "orders_dlq = 1\norders = aws.sqs.Queue('o')\nself_q = None\n")
    assert pc.derive_var(doc, "orders", "dlq", "x") == "orders_dlq2"
    assert pc.derive_var(doc, "self.queue", "dlq", "x") == "self.queue_dlq"
    assert pc.derive_var(doc, "ordersQueue", "dlq", "x") == "ordersQueueDlq"
    assert pc.derive_var(doc, None, "dlq", "dead_letter_queue") == "dead_letter_queue"


def test_var_from_name():
    doc = doc_of(HEADER + "aws.sqs.Queue(f'Orders-{env}.fifo')\n")
    assert pc.var_from_name(site(doc)) == "orders"


def test_kebab():
    assert pc.kebab("PaymentsKey") == "payments-key"
    assert pc.kebab("payments_key") == "payments-key"
    assert pc.kebab("-data-", strip=False) == "-data-"


# ------------------------------------------------------------ environment
def test_env_suffix_prefers_the_specific_name():
    doc = doc_of(HEADER + "env = 'x'\nenvironment_suffix = pulumi.get_stack()\nq = aws.sqs.Queue('q')\n")
    assert pc.env_suffix(doc, site(doc)) == "environment_suffix"


def test_env_suffix_ignores_a_resource_named_stage():
    doc = doc_of(HEADER + "stage = aws.apigatewayv2.Stage('s', api_id='a')\nq = aws.sqs.Queue('q')\n")
    assert pc.env_suffix(doc, site(doc)) is None


def test_env_suffix_in_a_component_uses_the_attribute():
    doc = doc_of(HEADER + textwrap.dedent("""\
        class Store(pulumi.ComponentResource):
            def __init__(self, name, environment_suffix, opts=None):
                self.environment_suffix = environment_suffix
                self.q = aws.sqs.Queue(name)
        """))
    assert pc.env_suffix(doc, site(doc)) == "self.environment_suffix"


def test_env_suffix_parameter_only_inside_its_function():
    doc = doc_of(HEADER + textwrap.dedent("""\
        def make(env):
            return 1

        q = aws.sqs.Queue('q')

        def other(env):
            r = aws.sqs.Queue('r')
        """))
    assert pc.env_suffix(doc, site(doc, i=0)) is None
    assert pc.env_suffix(doc, site(doc, i=1)) == "env"


def test_env_value_falls_back_to_the_stack_and_imports_pulumi_before_pulumi_aws():
    doc = doc_of('"""doc"""\n\nimport pulumi_aws as aws\n\nq = aws.sqs.Queue("q")\n')
    code, edits = pc.env_value(doc, site(doc))
    assert code == "pulumi.get_stack()"
    assert applied(doc, edits).startswith('"""doc"""\n\nimport pulumi\nimport pulumi_aws as aws\n')


def test_aws_name_follows_the_import_style():
    doc = doc_of("import pulumi\nfrom pulumi_aws import sqs\n\nq = sqs.Queue('q')\n")
    ref, edits = pc.aws_name(doc, "sqs.Queue")
    assert (ref, edits) == ("sqs.Queue", [])
    ref, edits = pc.aws_name(doc, "kms.Alias")
    assert ref == "kms.Alias"
    assert "from pulumi_aws import kms\n" in applied(doc, edits)


def test_qualnames_resolves_lazy_metadata():
    doc = doc_of(HEADER + "q = aws.sqs.Queue('q')\n")
    assert doc.qualified_names(site(doc).call.func) == {"pulumi_aws.sqs.Queue"}


# ------------------------------------------------------------- new code
def test_statement_code_hanging_aligned():
    doc = doc_of(HEADER + "q = aws.sqs.Queue('q',\n                  delay_seconds=1)\n")
    code = pc.statement_code(doc, site(doc), "q_dlq", "aws.sqs.Queue", [(None, py.Code("'q-dlq'")), ("a", py.Code("1"))])
    assert code == "q_dlq = aws.sqs.Queue('q-dlq',\n                      a=1)"


def test_properties_go_before_trailing_tags_and_opts():
    doc = doc_of(HEADER + "q = aws.sqs.Queue(\n    'q',\n    tags=t,\n    opts=o,\n)\n")
    out = applied(doc, doc.add_kwargs(site(doc).call, [("delay_seconds", py.Code("5"))], before=pc.LAST))
    assert out.endswith("    'q',\n    delay_seconds=5,\n    tags=t,\n    opts=o,\n)\n")


def test_props_call_is_the_args_object():
    doc = doc_of(HEADER + "q = aws.sqs.Queue('q', aws.sqs.QueueArgs(delay_seconds=1), opts=o)\n")
    props = pc.props_call(site(doc))
    assert doc.code(props.func) == "aws.sqs.QueueArgs"
    out = applied(doc, doc.add_kwargs(props, [("a", py.Code("1"))], before=pc.LAST))
    assert "aws.sqs.QueueArgs(delay_seconds=1, a=1), opts=o)" in out


def test_unknown_args_object_counts_as_a_splat():
    doc = doc_of(HEADER + "q = aws.sqs.Queue('q', args=shared)\nr = aws.sqs.Queue(*a)\n")
    assert pc.has_splat(site(doc, i=0)) and pc.has_splat(site(doc, i=1))


# ----------------------------------------------------------------- dicts
def test_dict_keys_follow_spreads_of_file_dicts():
    doc = doc_of(HEADER + "base = {'A': 1}\nq = aws.sqs.Queue('q', tags={**base, 'B': 2})\nr = aws.sqs.Queue('r', tags={**unknown})\n")
    d1 = pc.kw_value(site(doc, i=0), "tags")
    d2 = pc.kw_value(site(doc, i=1), "tags")
    assert pc.dict_keys(doc, d1) == {"A", "B"}
    assert pc.dict_keys(doc, d2) is None


# ------------------------------------------------------------- insertion
def test_statement_refuses_resources_inside_expressions():
    doc = doc_of(HEADER + "qs = [aws.sqs.Queue(f'q{i}') for i in range(2)]\n")
    assert not pc.standalone(site(doc))
    with pytest.raises(FixError):
        pc.statement(site(doc))


def test_label_disambiguates_shared_variables():
    doc = doc_of(HEADER + "def a():\n    q = aws.sqs.Queue('a')\n\ndef b():\n    q = aws.sqs.Queue('b')\n")
    assert {pc.label(s) for s in pc.aws_calls(doc, "sqs.Queue")} == {"q ('a')", "q ('b')"}


# ------------------------------------------------------------- detectors
def _gaps(module, code, **params):
    from iacfix.codemods import lookup

    cm = lookup(module)
    p = dict(cm.defaults())
    p.update(params)
    doc = doc_of(HEADER + code)
    return list(cm.detectors["pulumi"](doc, Context("pulumi", p))), doc


def test_throttling_minus_one_is_unsafe_and_zero_is_a_choice():
    gaps, _ = _gaps("api-throttling", "s = aws.apigatewayv2.Stage('s', default_route_settings={'throttling_burst_limit': -1, 'throttling_rate_limit': 5})\n"
                    "t = aws.apigatewayv2.Stage('t', default_route_settings={'throttling_burst_limit': 0, 'throttling_rate_limit': 0})\n")
    assert [(g.resource_name, g.unsafe) for g in gaps] == [("s", True)]


def test_rest_stage_with_unreadable_method_path_is_not_reported():
    gaps, _ = _gaps("api-throttling", "st = aws.apigateway.Stage('s', rest_api='r', deployment='d', stage_name='p')\n"
                    "aws.apigateway.MethodSettings('m', rest_api='r', stage_name=st.stage_name, method_path=path)\n")
    assert gaps == []


def test_dlq_is_recognised_by_reference_and_by_name():
    gaps, _ = _gaps("dead-letter-queue", "failures = aws.sqs.Queue('failures')\n"
                    "orders_dead_letter = aws.sqs.Queue('x')\n"
                    "q = aws.sqs.Queue('q', redrive_policy=failures.arn.apply(str))\n")
    assert gaps == []


def test_function_with_on_failure_destination_is_compliant():
    gaps, _ = _gaps("dead-letter-queue", "fn = aws.lambda_.Function('f', role=r.arn)\n"
                    "aws.lambda_.FunctionEventInvokeConfig('c', function_name=fn.name, destination_config="
                    "aws.lambda_.FunctionEventInvokeConfigDestinationConfigArgs(on_failure=x))\n")
    assert gaps == []
    gaps, _ = _gaps("dead-letter-queue", "fn = aws.lambda_.Function('f', role=r.arn)\n"
                    "aws.lambda_.Permission('p', function=fn.name, principal='apigateway.amazonaws.com')\n")
    assert gaps == []


def test_required_tags_provider_default_tags_count():
    gaps, _ = _gaps("required-tags", "p = aws.Provider('p', default_tags={'tags': {'Environment': 'x', 'ManagedBy': 'y'}})\n"
                    "q = aws.sqs.Queue('q', opts=pulumi.ResourceOptions(provider=p))\n"
                    "a = aws.kms.Alias('a', target_key_id='k')\n")
    assert gaps == []


def test_required_tags_unrenderable_placeholder_has_no_fix():
    gaps, _ = _gaps("required-tags", "q = aws.sqs.Queue('q')\n", tags={"CostCentre": "{cost_centre}"})
    assert len(gaps) == 1 and gaps[0].fix is None


def test_kms_alias_targeting_any_reference_form():
    for ref in ("k.id", "k.key_id", "k.arn"):
        gaps, _ = _gaps("kms-key-alias", f"k = aws.kms.Key('k')\naws.kms.Alias('a', target_key_id={ref})\n")
        assert gaps == []


def test_env_suffix_must_be_assigned_before_the_code_that_uses_it():
    doc = doc_of(HEADER + "tags = {'A': 'b'}\nenv = pulumi.get_stack()\nq = aws.sqs.Queue('q', tags=tags)\n")
    q = site(doc)
    assert pc.env_suffix(doc, q) == "env"
    assert pc.env_suffix(doc, q, line=4) is None  # the line of the shared tags dict
    assert pc.env_value(doc, q, line=4)[0] == "pulumi.get_stack()"


def test_function_dlq_fix_adds_depends_on_inside_existing_options_of_a_relaid_call():
    code = (
        "role = aws.iam.Role('r', assume_role_policy='{}')\n"
        "fn = aws.lambda_.Function('f', role=role.arn, runtime='python3.12', opts=pulumi.ResourceOptions(protect=True))\n"
        "aws.lambda_.Permission('p', function=fn.name, principal='s3.amazonaws.com', action='lambda:InvokeFunction')\n"
    )
    gaps, doc = _gaps("dead-letter-queue", code)
    (gap,) = gaps
    out = applied(doc, gap.fix())
    assert "    opts=pulumi.ResourceOptions(protect=True, depends_on=[fn_dlq_policy]),\n)" in out
    assert "fn_dlq_policy = aws.iam.RolePolicy(" in out and "role=role.id," in out
    parse(out, "pulumi")  # still valid Python


def test_where_lets_a_comment_above_the_statement_suppress():
    doc = doc_of(HEADER + "# iacfix: ignore\nq = (\n    aws.sqs.Queue('q')\n)\n")
    w = pc.where(site(doc))
    assert w["line"] == 6 and 5 in w["suppress_lines"]
