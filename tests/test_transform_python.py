"""transforms.python: locating CDK/Pulumi calls and the minimal edits made to them."""

from __future__ import annotations

import libcst as cst
import pytest

from iacfix.core import Edit, apply_edits
from iacfix.transforms.python import parse

HEADER = "from aws_cdk import Stack, aws_sqs as sqs\n\n\n"


def edit(src, fn):
    doc = parse(src)
    return apply_edits(src, fn(doc))


def only_call(doc, qualname="aws_cdk.aws_sqs.Queue"):
    (site,) = doc.calls(qualname)
    return site


# ------------------------------------------------------------------- locating
@pytest.mark.parametrize(
    "imports, call",
    [
        ("from aws_cdk import aws_sqs as sqs", "sqs.Queue"),
        ("from aws_cdk.aws_sqs import Queue", "Queue"),
        ("import aws_cdk.aws_sqs as sqs", "sqs.Queue"),
        ("import aws_cdk as cdk", "cdk.aws_sqs.Queue"),
    ],
)
def test_calls_resolve_every_import_style(imports, call):
    doc = parse(f"{imports}\nq = {call}(self, 'Q')\n")
    site = only_call(doc)
    assert site.target == "q" and site.name == "Q" and site.line == 2


def test_qualified_names_of_a_base_class():
    # QualifiedNameProvider stores lazy values: qualified_names must resolve them.
    doc = parse("import aws_cdk as cdk\n\n\nclass S(cdk.Stack):\n    pass\n")
    (cls,) = doc.classes
    assert doc.qualified_names(cls.bases[0].value) == {"aws_cdk.Stack"}


# --------------------------------------------------------------- add_kwargs
def test_add_kwargs_inline_call_with_trailing_comma():
    src = HEADER + "q = sqs.Queue(self, 'Q', )\n"
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("fifo", "True")]))
    assert out.endswith("q = sqs.Queue(self, 'Q', fifo=True, )\n")


def test_add_kwargs_multiline_fits_a_long_value_black_style():
    src = HEADER + "q = sqs.Queue(\n    self,\n    'Q',\n)\n"
    value = "sqs.DeadLetterQueue(max_receive_count=3, queue=a_rather_long_dead_letter_queue_variable_name)"
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("dead_letter_queue", value)]))
    assert out.endswith(
        "    'Q',\n"
        "    dead_letter_queue=sqs.DeadLetterQueue(\n"
        "        max_receive_count=3,\n"
        "        queue=a_rather_long_dead_letter_queue_variable_name,\n"
        "    ),\n"
        ")\n"
    )


def test_add_kwargs_to_a_hugged_call_joins_its_line_or_lays_it_out_as_black_does():
    # black writes a call whose arguments fit on one indented line that way (no trailing comma)
    src = HEADER + "q = sqs.Queue(\n    self, 'Q', visibility_timeout=cdk.Duration.seconds(30)\n)\n"
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("fifo", "True")]))
    assert out.endswith("q = sqs.Queue(\n    self, 'Q', visibility_timeout=cdk.Duration.seconds(30), fifo=True\n)\n")
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("tags", "{'a': 'b', 'c': 'd', 'e': 'f', 'g': 'h'}")]))
    assert out.endswith(
        "q = sqs.Queue(\n"
        "    self,\n"
        "    'Q',\n"
        "    visibility_timeout=cdk.Duration.seconds(30),\n"
        "    tags={'a': 'b', 'c': 'd', 'e': 'f', 'g': 'h'},\n"
        ")\n"
    )


def test_add_kwargs_without_trailing_comma_counts_no_comma_on_the_last_line():
    # "    k=" + value is exactly 88 characters: it fits, as black would leave it.
    value = "f(" + "x" * (88 - len("    k=f(") - 1) + ")"
    src = HEADER + "q = sqs.Queue(self, 'Q',\n    a=1\n)\n"
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("k", value)]))
    assert f"    a=1,\n    k={value}\n)" in out


def test_add_kwargs_aligned_hanging_call_keeps_alignment():
    src = HEADER + "q = sqs.Queue(self, 'Q',\n              fifo=True)\n"
    long_value = "sqs.DeadLetterQueue(max_receive_count=3, queue=self.some_quite_long_queue_name_dlq)"
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("dead_letter_queue", long_value)]))
    assert out.endswith(
        "q = sqs.Queue(self, 'Q',\n"
        "              fifo=True,\n"
        "              dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3,\n"
        "                                                    queue=self.some_quite_long_queue_name_dlq))\n"
    )


def test_add_kwargs_explodes_with_the_files_indent_unit():
    src = (
        HEADER
        + "class S(Stack):\n  def f(self):\n    q = sqs.Queue(self, 'SomeQueueWithAName', visibility_timeout=x)\n"
    )
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("queue_name", "'a-rather-long-queue-name'")]))
    assert out.endswith(
        "    q = sqs.Queue(\n"
        "      self,\n"
        "      'SomeQueueWithAName',\n"
        "      visibility_timeout=x,\n"
        "      queue_name='a-rather-long-queue-name',\n"
        "    )\n"
    )


# ---------------------------------------------------------------------- fit
def test_fit_leaves_short_code_alone():
    doc = parse(HEADER)
    assert doc.fit("f(a, b)", "    ", 4) == "f(a, b)"


def test_fit_opens_calls_and_dicts_recursively():
    doc = parse(HEADER)
    code = "f(first_argument_value, {'key_one': value_one, 'key_two': 'a long string value here, really'})"
    assert doc.fit(code, "        ", 20) == (
        "f(\n"
        "            first_argument_value,\n"
        "            {'key_one': value_one, 'key_two': 'a long string value here, really'},\n"
        "        )"
    )


def test_fit_aligned_aligns_under_the_open_paren():
    doc = parse(HEADER)
    code = "g(alpha=1, beta=2, gamma=three_is_a_long_name, delta=four_is_longer_still_and_longer)"
    assert doc.fit_aligned(code, 40) == (
        "g(alpha=1,\n"
        + " " * 42
        + "beta=2,\n"
        + " " * 42
        + "gamma=three_is_a_long_name,\n"
        + " " * 42
        + "delta=four_is_longer_still_and_longer)"
    )


# -------------------------------------------------------------- render_call
def render_like(src, args, prefix="dlq = ", indent="        "):
    doc = parse(src)
    return doc.render_call(prefix, "sqs.Queue", args, like=only_call(doc).call, indent=indent)


ARGS = ["self", '"OrdersDlq"', "retention_period=Duration.days(14)"]


def test_render_call_black_layout():
    src = (
        HEADER
        + "class S:\n    def f(self):\n        q = sqs.Queue(\n            self,\n            'Q',\n            fifo=True,\n        )\n"
    )
    assert render_like(src, ARGS) == (
        'dlq = sqs.Queue(\n    self,\n    "OrdersDlq",\n    retention_period=Duration.days(14),\n)'
    )


def test_render_call_hanging_aligned_layout_realigns_to_the_new_paren():
    src = (
        HEADER
        + "class S:\n    def f(self):\n        orders = sqs.Queue(self, 'Q',\n                           fifo=True)\n"
    )
    assert render_like(src, ARGS) == (
        'dlq = sqs.Queue(self, "OrdersDlq",\n' "                retention_period=Duration.days(14))"
    )


def test_render_call_hanging_indented_layout_with_paren_on_its_own_line():
    src = (
        HEADER
        + "class S:\n    def f(self):\n        q = sqs.Queue(self, 'Q',\n            fifo=True\n        )\n"
    )
    assert render_like(src, ARGS) == (
        'dlq = sqs.Queue(self, "OrdersDlq",\n    retention_period=Duration.days(14)\n)'
    )


def test_render_call_without_model_stays_on_one_line_when_it_fits():
    doc = parse(HEADER)
    assert doc.render_call("dlq = ", "sqs.Queue", ARGS, indent="    ") == (
        'dlq = sqs.Queue(self, "OrdersDlq", retention_period=Duration.days(14))'
    )


def test_render_call_without_model_too_long_is_black_and_relative():
    doc = parse(HEADER)
    args = ARGS + ['queue_name=f"payments-settlement-dlq-{environment_suffix}"']
    assert doc.render_call("settlement_dlq = ", "sqs.Queue", args, indent="        ") == (
        "settlement_dlq = sqs.Queue(\n"
        "    self,\n"
        '    "OrdersDlq",\n'
        "    retention_period=Duration.days(14),\n"
        '    queue_name=f"payments-settlement-dlq-{environment_suffix}",\n'
        ")"
    )


# -------------------------------------------------------------- import_name
def test_import_name_existing_name_needs_no_edit():
    doc = parse("from aws_cdk import Duration, Stack\n")
    assert doc.import_name("aws_cdk.Duration") == ("Duration", [])


def test_import_name_through_module_alias():
    doc = parse("import aws_cdk as cdk\n")
    assert doc.import_name("aws_cdk.Duration") == ("cdk.Duration", [])


def test_import_name_joins_a_sorted_parenthesised_list_in_isort_order():
    src = "from aws_cdk import (\n    Stack,\n    aws_sqs as sqs,\n)\nfrom constructs import Construct\n"
    doc = parse(src)
    ref, edits = doc.import_name("aws_cdk.Duration")
    assert ref == "Duration"
    assert apply_edits(src, edits).startswith(
        "from aws_cdk import (\n    Duration,\n    Stack,\n    aws_sqs as sqs,\n)\n"
    )
    ref, edits = doc.import_name("aws_cdk.aws_sns", alias="sns")
    assert ref == "sns"
    assert "    aws_sns as sns,\n    aws_sqs as sqs,\n" in apply_edits(src, edits)


def test_import_name_appends_to_an_unsorted_list_inline():
    src = "from aws_cdk import (\n    aws_sqs as sqs,\n    Aws, Stack\n)\n"
    out = edit(src, lambda d: d.import_name("aws_cdk.Tags")[1])
    assert out == "from aws_cdk import (\n    aws_sqs as sqs,\n    Aws, Stack, Tags\n)\n"


def test_import_name_one_line_import():
    src = "from aws_cdk import Stack, aws_sqs as sqs\n"
    out = edit(src, lambda d: d.import_name("aws_cdk.Tags")[1])
    assert out == "from aws_cdk import Stack, Tags, aws_sqs as sqs\n"


def test_import_name_adds_an_import_line_when_the_module_is_not_imported():
    src = "import os\nfrom constructs import Construct\n\nx = 1\n"
    out = edit(src, lambda d: d.import_name("aws_cdk.Tags")[1])
    assert out == "import os\nfrom constructs import Construct\nfrom aws_cdk import Tags\n\nx = 1\n"


# --------------------------------------------------------- add_list_element
def list_node(doc):
    return next(n for n in doc.positions if isinstance(n, cst.List))


def test_add_list_element_multiline_with_trailing_comma():
    src = "x = [\n    a,\n    b,\n]\n"
    assert edit(src, lambda d: d.add_list_element(list_node(d), "c")) == "x = [\n    a,\n    b,\n    c,\n]\n"


def test_add_list_element_multiline_without_trailing_comma():
    src = "x = [\n    a,\n    b\n]\n"
    assert edit(src, lambda d: d.add_list_element(list_node(d), "c")) == "x = [\n    a,\n    b,\n    c\n]\n"


def test_add_list_element_inline():
    assert edit("x = [a, b]\n", lambda d: d.add_list_element(list_node(d), "c")) == "x = [a, b, c]\n"


def test_add_list_element_inline_too_long_is_exploded():
    src = "settings = [make_setting(path='/reports', caching=True)]\n"
    new = "make_setting(path='/*', rate=100, burst=200, another_option=True)"
    assert edit(src, lambda d: d.add_list_element(list_node(d), new)) == (
        "settings = [\n"
        "    make_setting(path='/reports', caching=True),\n"
        "    make_setting(path='/*', rate=100, burst=200, another_option=True),\n"
        "]\n"
    )


# ------------------------------------------------------------------ layout
def test_aligned_hanging_detection():
    doc = parse(
        HEADER
        + "a = sqs.Queue(self, 'A',\n              fifo=True)\nb = sqs.Queue(self, 'B',\n    fifo=True)\n"
    )
    a, b = doc.calls("aws_cdk.aws_sqs.Queue")
    assert doc.aligned_hanging(a.call) and not doc.aligned_hanging(b.call)


def test_insert_before_statement_keeps_comments_with_the_statement():
    src = "def f():\n    x = 1\n    # about y\n    y = 2\n"
    doc = parse(src)
    fn = doc.functions[0]
    stmt = fn.body.body[1]
    assert apply_edits(src, doc.insert_before_statement(stmt, "z = 0")) == (
        "def f():\n    x = 1\n    z = 0\n    # about y\n    y = 2\n"
    )


# ------------------------------------------- CDK conventions (codemods.common.cdk)
from iacfix.codemods.common import cdk as cdk_common  # noqa: E402


@pytest.mark.parametrize(
    "name, expected",
    [
        ("orders", "orders-dlq"),
        ("orders.fifo", "orders-dlq.fifo"),
        ("OrdersQueue", "OrdersQueueDlq"),
        ("eventConsumerLambda", "eventConsumerLambdaDlq"),
        ("orders_queue", "orders_queue_dlq"),
    ],
)
def test_add_word_to_name(name, expected):
    assert cdk_common.add_word_to_name(name, "dlq") == expected


@pytest.mark.parametrize(
    "literal, expected",
    [
        ('f"payment-queue-{environment_suffix}"', 'f"payment-queue-dlq-{environment_suffix}"'),
        ("f'{prefix}-orders'", "f'{prefix}-orders-dlq'"),
        ('f"jobs-{env}.fifo"', 'f"jobs-dlq-{env}.fifo"'),
        ('f"Shard{i}"', 'f"Shard{i}Dlq"'),
        ("'render-jobs.fifo'", "'render-jobs-dlq.fifo'"),
    ],
)
def test_add_word_to_literal(literal, expected):
    doc = parse(f"x = {literal}\n")
    node = doc.module.body[0].body[0].value
    assert cdk_common.add_word_to_literal(doc, node, "dlq") == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("orders_queue", "orders_dlq"),
        ("self.orders", "self.orders_dlq"),
        ("ordersQueue", "ordersDlq"),
        ("q", "q_dlq"),
    ],
)
def test_variable_for(name, expected):
    assert cdk_common.variable_for(name, "dlq") == expected


def test_kebab():
    assert cdk_common.kebab("PaymentsKey") == "payments-key"
    assert cdk_common.kebab("KMSKeyForAPI") == "kms-key-for-api"
    assert cdk_common.kebab("data_key v2") == "data-key-v2"


STACK = """from aws_cdk import Stack


class S(Stack):
    def __init__(self, scope, construct_id, {params}**kwargs):
        super().__init__(scope, construct_id, **kwargs)
{body}
        marker = 1
"""


@pytest.mark.parametrize(
    "params, body, expected",
    [
        ("environment_suffix, ", "", "environment_suffix"),
        (
            "environment_suffix, ",
            "        self.environment_suffix = environment_suffix\n"
            "        a = f'x-{self.environment_suffix}'\n        b = f'y-{self.environment_suffix}'",
            "self.environment_suffix",
        ),
        ("props=None, ", "        s = self.node.try_get_context('environmentSuffix') or 'dev'", "s"),
        ("stage, ", "        n = f'app-{stage}'", "stage"),
        ("stage, ", "", None),  # a bare "stage" could be anything
        ("env=None, ", "", None),
        ("", "", None),
    ],
)
def test_env_suffix_expr(params, body, expected):
    doc = parse(STACK.format(params=params, body=body))
    marker = next(n for n in doc.positions if isinstance(n, cst.Name) and n.value == "marker")
    assert cdk_common.env_suffix_expr(doc, marker) == expected


def test_cdk_v1_files_are_recognised():
    assert cdk_common.is_cdk_v1(parse("from aws_cdk import core\n"))
    assert cdk_common.is_cdk_v1(parse("from aws_cdk import (\n    aws_sqs as sqs,\n    core as cdk,\n)\n"))
    assert not cdk_common.is_cdk_v1(parse("import aws_cdk as cdk\n"))


def test_add_kwargs_follows_spaced_equals():
    src = HEADER + "q = sqs.Queue(self, 'Q',\n    fifo = True,\n)\n"
    out = edit(src, lambda d: d.add_kwargs(only_call(d).call, [("queue_name", "'q.fifo'")]))
    assert out.endswith("    fifo = True,\n    queue_name = 'q.fifo',\n)\n")


def test_import_name_appends_a_line_to_a_one_per_line_list_without_trailing_comma():
    src = "from aws_cdk import (\n    aws_sqs as sqs,\n    Stack\n)\n"
    out = edit(src, lambda d: d.import_name("aws_cdk.Tags")[1])
    assert out == "from aws_cdk import (\n    aws_sqs as sqs,\n    Stack,\n    Tags\n)\n"


def test_import_name_order_of_additions_does_not_matter():
    src = "from aws_cdk import (\n    aws_sqs as sqs,\n    aws_iam as iam,\n    Aws, Stack\n)\n"

    def add(text, qualname):
        return edit(text, lambda d: d.import_name(qualname)[1])

    one = add(add(src, "aws_cdk.Tags"), "aws_cdk.Duration")
    two = add(add(src, "aws_cdk.Duration"), "aws_cdk.Tags")
    assert one == two == "from aws_cdk import (\n    aws_sqs as sqs,\n    aws_iam as iam,\n    Aws, Duration, Stack, Tags\n)\n"


def test_line_length_ignores_long_comments():
    from iacfix.transforms.python import parse

    text = "import pulumi_aws as aws\n    # " + "x" * 150 + "\nq = aws.sqs.Queue('q')\n"
    assert parse(text, "pulumi").line_length() == 88
    wide = "import pulumi_aws as aws\na = '" + "x" * 100 + "'\n"
    assert parse(wide, "pulumi").line_length() == 106


def test_ensure_module_of_a_top_level_module():
    from iacfix.transforms.python import parse

    doc = parse("import pulumi_aws as aws\n\nq = aws.sqs.Queue('q')\n", "pulumi")
    ref, edits = doc.ensure_module("json")
    assert ref == "json"
    from iacfix.core import apply_edits

    assert apply_edits(doc.text, edits).startswith("import pulumi_aws as aws\nimport json\n")


# ------------------------------------------------- new code: nodes and layout
from libcst import matchers as m  # noqa: E402

from iacfix.transforms import python as py  # noqa: E402

PULUMI = "import pulumi\nimport pulumi_aws as aws\n\n"


def pulumi_doc(code: str):
    return parse(PULUMI + code, "pulumi")


def pulumi_call(doc):
    (site,) = doc.calls("pulumi_aws.sqs.Queue")
    return site.call


def test_render_flat_when_it_fits():
    node = py.Call("f", [("a", py.Code("1")), ("b", py.Code("2"))])
    assert py.render(node, "", 0, 0, py.Layout()) == "f(a=1, b=2)"


def test_render_single_argument_hugs_like_black():
    node = py.Call("pulumi.Output.json_dumps", [(None, py.Dict([('"k"', py.Code("x" * 80))]))])
    out = py.render(node, "    ", 20, 1, py.Layout())
    assert out == 'pulumi.Output.json_dumps(\n        {\n            "k": ' + "x" * 80 + "\n        }\n    )"  # no comma: black


def test_render_lone_item_keeps_a_comma_in_the_cdk_style():
    node = py.Call("f", [("a", py.Code("x" * 90))])
    assert py.render(node, "", 0, 0, py.STYLES["cdk"]) == "f(\n    a=" + "x" * 90 + ",\n)"


def test_render_several_arguments_one_per_line_with_trailing_commas():
    node = py.Call("Args", [("throttling_burst_limit", py.Code("200")), ("throttling_rate_limit", py.Code("100"))])
    out = py.render(node, "", 60, 0, py.Layout())
    assert out == "Args(\n    throttling_burst_limit=200,\n    throttling_rate_limit=100,\n)"


def test_render_explode_flag_and_indent_unit():
    node = py.Dict([('"A"', py.Code("1"))], explode=True)
    assert py.render(node, "\t", 0, 0, py.Layout("\t", 88)) == '{\n\t\t"A": 1,\n\t}'


def test_render_opens_code_that_does_not_fit():
    out = py.render(py.Code("f(" + ", ".join(f"arg{i}=value{i}" for i in range(8)) + ")"), "", 0, 0, py.Layout())
    assert out.startswith("f(\n    arg0=value0,\n    arg1=value1,\n") and out.endswith("    arg7=value7,\n)")


def test_layout_reads_the_files_line_length_and_the_languages_style():
    one_long = "x = '" + "y" * 100 + "'\n"
    assert parse(one_long, "cdk").layout().width == 106
    assert parse(one_long, "pulumi").layout().width == 88  # one long line alone does not widen it
    assert parse(one_long * 2, "pulumi").layout().width == 106
    assert parse("# " + "x" * 110 + "\nq = 1\n", "pulumi").layout().width == 88
    assert parse("if x:\n\ty = 1\n", "pulumi").layout().unit == "\t"


def test_add_kwargs_before_trailing_keywords():
    doc = pulumi_doc("q = aws.sqs.Queue('q', opts=o)\n")
    out = apply_edits(doc.text, doc.add_kwargs(pulumi_call(doc), [("tags", py.Code("t"))], before=("opts",)))
    assert out.endswith("q = aws.sqs.Queue('q', tags=t, opts=o)\n")


def test_add_kwargs_explodes_a_long_one_line_call_keeping_the_trailing_keywords_last():
    doc = pulumi_doc("q = aws.sqs.Queue('queue-with-a-long-name', visibility_timeout_seconds=30, opts=opts)\n")
    out = apply_edits(doc.text, doc.add_kwargs(pulumi_call(doc), [("delay_seconds", "5")], before=("tags", "opts")))
    assert out.endswith(
        "q = aws.sqs.Queue(\n    'queue-with-a-long-name',\n    visibility_timeout_seconds=30,\n"
        "    delay_seconds=5,\n    opts=opts,\n)\n"
    )


def test_add_kwargs_tail_goes_after_everything_and_spreads_the_call():
    doc = pulumi_doc("q = aws.sqs.Queue('q', tags=t)\n")
    out = apply_edits(doc.text, doc.add_kwargs(pulumi_call(doc), [("a", "1")], before=("tags",), tail=[("opts", "o")]))
    assert out.endswith("q = aws.sqs.Queue(\n    'q',\n    a=1,\n    tags=t,\n    opts=o,\n)\n")


def test_add_kwargs_hanging_without_trailing_comma_keeps_the_comment():
    doc = pulumi_doc("q = aws.sqs.Queue('q',\n    delay_seconds=1)  # note\n")
    out = apply_edits(doc.text, doc.add_kwargs(pulumi_call(doc), [("a", py.Code("1"))]))
    assert out.endswith("q = aws.sqs.Queue('q',\n    delay_seconds=1,\n    a=1)  # note\n")


def test_add_kwargs_multiline_value_is_indented_at_the_argument():
    doc = pulumi_doc("def f():\n    q = aws.sqs.Queue(\n        'q',\n    )\n")
    value = py.Call("aws.lambda_.FunctionDeadLetterConfigArgs", [("target_arn", py.Code("a_very_long_queue_name.arn"))])
    out = apply_edits(doc.text, doc.add_kwargs(pulumi_call(doc), [("dead_letter_config", value)]))
    assert "        dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(\n" in out
    assert "            target_arn=a_very_long_queue_name.arn\n        ),\n    )\n" in out


@pytest.mark.parametrize(
    "call, expected",
    [
        ("f(a = 1, b = 2, opts=o)", "f(a = 1, b = 2, c=3, opts=o)"),  # next to opts=o
        ("f(a = 1, b = 2, opts = o)", "f(a = 1, b = 2, c = 3, opts = o)"),
        ("f(a=1, b=2, opts = o)", "f(a=1, b=2, c=3, opts = o)"),  # most are not spaced
    ],
)
def test_add_kwargs_spaced_equals_when_the_call_and_the_neighbour_are(call, expected):
    src = f"x = {call}\n"
    doc = parse(src, "pulumi")
    out = apply_edits(src, doc.add_kwargs(doc.module.body[0].body[0].value, [("c", "3")], before=("opts",)))
    assert out == f"x = {expected}\n"


def test_add_kwargs_before_an_argument_on_its_own_line_and_the_comments_over_it():
    src = "x = f(\n    a=1,\n    # about b\n    b=2,\n)\n"
    for language, expected in (("cdk", "    a=1,\n    c=3,\n    # about b\n"), ("pulumi", "    # about b\n    c=3,\n")):
        doc = parse(src, language)
        call = doc.module.body[0].body[0].value
        assert expected in apply_edits(src, doc.add_kwargs(call, [("c", "3")], before=call.args[1]))


def _dict(doc):
    return next(iter(m.findall(doc.module, m.Dict())))


def test_add_dict_entries_multiline_with_trailing_comma_and_comment():
    doc = pulumi_doc("t = {\n    'A': 'a',  # note\n}\n")
    out = apply_edits(doc.text, doc.add_dict_entries(_dict(doc), [("'B'", py.Code("b"))]))
    assert out.endswith("t = {\n    'A': 'a',  # note\n    'B': b,\n}\n")


def test_add_dict_entries_closing_brace_on_the_last_line():
    doc = pulumi_doc("t = {'A': 'a',\n     'C': 'c'}  # x\n")
    out = apply_edits(doc.text, doc.add_dict_entries(_dict(doc), [("'B'", "b")]))
    assert out.endswith("t = {'A': 'a',\n     'C': 'c',\n     'B': b}  # x\n")


def test_add_dict_entries_inline_and_empty():
    doc = pulumi_doc("t = {'A': 'a'}\nu = {}\n")
    d1, d2 = list(m.findall(doc.module, m.Dict()))
    out = apply_edits(doc.text, doc.add_dict_entries(d1, [("'B'", "b")]) + doc.add_dict_entries(d2, [("'B'", "b")]))
    assert out.endswith("t = {'A': 'a', 'B': b}\nu = {'B': b}\n")


def test_add_dict_entries_too_long_in_a_one_line_call_explodes_the_call():
    doc = pulumi_doc("q = aws.sqs.Queue('queue', delay_seconds=5, tags={'Team': 'payments', 'Tier': 'gold'})\n")
    out = apply_edits(doc.text, doc.add_dict_entries(_dict(doc), [("'Environment'", py.Code("environment_suffix"))]))
    assert out.endswith(
        "q = aws.sqs.Queue(\n    'queue',\n    delay_seconds=5,\n"
        "    tags={'Team': 'payments', 'Tier': 'gold', 'Environment': environment_suffix},\n)\n"
    )


def test_insert_before_statement_as_the_statement_is_separated():
    doc = pulumi_doc("x = 1\n\n# the queue\nq = aws.sqs.Queue('q')\n")
    stmt = doc.statement_of(pulumi_call(doc))
    out = apply_edits(doc.text, doc.insert_before_statement(stmt, "d = 2", blank_line=None))
    assert out.endswith("x = 1\n\nd = 2\n\n# the queue\nq = aws.sqs.Queue('q')\n")
    doc = pulumi_doc("x = 1\nq = aws.sqs.Queue('q')\n")
    stmt = doc.statement_of(pulumi_call(doc))
    assert apply_edits(doc.text, doc.insert_before_statement(stmt, "d = 2", blank_line=None)).endswith(
        "x = 1\nd = 2\nq = aws.sqs.Queue('q')\n")


def test_insert_after_statement_in_a_compact_block_has_no_blank_line():
    doc = pulumi_doc("q = aws.sqs.Queue('q')\nx = 1\n")
    stmt = doc.statement_of(pulumi_call(doc))
    out = apply_edits(doc.text, doc.insert_after_statement(stmt, "d = 2", blank_line=None))
    assert out.endswith("q = aws.sqs.Queue('q')\nd = 2\nx = 1\n")


def test_render_call_keeps_the_first_line_within_the_width():
    src = "q = Queue(self, 'Q', retention=1,\n          fifo=True)\n"
    doc = parse(src)
    like = doc.module.body[0].body[0].value
    assert doc.render_call("r = ", "Queue", ["self", "'R'", "retention=2", "fifo=True"], like=like) == (
        "r = Queue(self, 'R', retention=2,\n          fifo=True)")
    long = "x" * 70
    assert doc.render_call("r = ", "Queue", ["self", "'R'", f"retention={long}", "fifo=True"], like=like) == (
        f"r = Queue(self, 'R',\n          retention={long},\n          fifo=True)")


def add_json(src):
    ref, edits = parse(src, "pulumi").import_stdlib("json")
    return ref, apply_edits(src, edits)


@pytest.mark.parametrize(
    "src, expected",
    [
        # its own group before the third-party imports, after the docstring
        ('"""Doc."""\n\nimport pulumi\nimport pulumi_aws as aws\n',
         '"""Doc."""\n\nimport json\n\nimport pulumi\nimport pulumi_aws as aws\n'),
        # with the other standard-library imports, in name order
        ("import base64\nimport os\n\nimport pulumi\n", "import base64\nimport json\nimport os\n\nimport pulumi\n"),
        ("import base64\n\nimport pulumi\n", "import base64\nimport json\n\nimport pulumi\n"),
        # after a __future__ import
        ("from __future__ import annotations\n\nimport pulumi\n",
         "from __future__ import annotations\n\nimport json\n\nimport pulumi\n"),
    ],
)
def test_import_stdlib_goes_with_the_standard_library(src, expected):
    assert add_json(src) == ("json", expected)


def test_import_stdlib_already_there():
    src = "import json as j\nimport pulumi\n"
    assert add_json(src) == ("j", src)


def test_nest_edits_carries_an_inner_change_into_a_rewrite():
    src = "f(a, o=g(x))\n"
    doc = parse(src)
    call = doc.module.body[0].body[0].value
    inner_node = call.args[1].value
    outer = [Edit(doc.start(call), doc.end(call), "f(\n    a,\n    o=g(x),\n)")]
    inner = [Edit(doc.end(inner_node) - 1, doc.end(inner_node) - 1, ", y")]
    assert apply_edits(src, py.nest_edits(doc, inner_node, outer, inner)) == "f(\n    a,\n    o=g(x, y),\n)\n"


# ---------------------------------------------------------------------- naming calls

NAMING = {
    # plain: named from the imports alone
    "from aws_cdk import aws_sqs as sqs\n\nsqs.Queue(self, 'Q')\n": {"aws_cdk.aws_sqs.Queue"},
    "import aws_cdk.aws_sqs\n\naws_cdk.aws_sqs.Queue(self, 'Q')\n": {"aws_cdk.aws_sqs.Queue"},
    "import pulumi_aws as aws\n\naws.sqs.Queue('q', opts=None)\n": {"pulumi_aws.sqs.Queue"},
    "from aws_cdk.aws_sqs import Queue\n\nQueue(self, 'Q')\n": {"aws_cdk.aws_sqs.Queue"},
    # an imported name bound again (a parameter) means the import only where scopes say so
    "from aws_cdk import aws_sqs as sqs\n\n\ndef f(sqs):\n    sqs.Queue(self, 'Q')\n": {"f.<locals>.sqs.Queue"},
    # an import inside a function names only there
    "def f():\n    from aws_cdk import aws_sqs as sqs\n\n\ndef g():\n    sqs.Queue(self, 'Q')\n": set(),
}


@pytest.mark.parametrize("code", list(NAMING))
def test_calls_are_named_as_scopes_name_them(code):
    """Files plain about their names are named from their imports alone (no scope
    analysis); the others by libcst's. Both name every call the same way."""
    doc = parse(code)
    call = [n for n in doc.nodes if isinstance(n, cst.Call) and doc.code(n.func).endswith("Queue")][-1]
    assert doc.qualified_names(call.func) == NAMING[code]
