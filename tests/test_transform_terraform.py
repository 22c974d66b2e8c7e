"""The Terraform editor: locating nodes, and edits that keep the file as terraform fmt would."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from iacfix.codemods.common.terraform import derived_name, env_var, label_for
from iacfix.core import FixError, ParseError, apply_edits
from iacfix.transforms import terraform as tf


def edit(text, fn):
    doc = tf.parse(text)
    out = apply_edits(text, fn(doc))
    tf.parse(out)  # every result parses
    return out


def fmt_clean(text, tmp_path) -> bool:
    exe = shutil.which("terraform")
    if exe is None:
        pytest.skip("terraform not installed")
    f = tmp_path / "x.tf"
    f.write_text(text)
    return subprocess.run([exe, "fmt", "-check", str(f)], capture_output=True).returncode == 0


# -- locating ------------------------------------------------------------------


def test_parse_error_carries_a_line():
    with pytest.raises(ParseError) as e:
        tf.parse('resource "a" "b" {\n  x = \n}\n')
    assert e.value.line == 2 and e.value.message.startswith("invalid HCL")


def test_blocks_labels_attributes_and_nested_blocks():
    doc = tf.parse(
        'resource "aws_sqs_queue" "q" {\n'
        '  name = "orders"\n'
        '  lifecycle {\n'
        '    prevent_destroy = true\n'
        '  }\n'
        '}\n'
        'locals {\n  x = 1\n}\n'
    )
    (q,) = doc.resources("aws_sqs_queue")
    assert q.labels == ["aws_sqs_queue", "q"] and q.line == 1 and q.end_line == 6
    assert tf.string_value(q.attr("name").value) == "orders"
    assert q.block("lifecycle").attr("prevent_destroy") is not None
    assert doc.resource("aws_sqs_queue", "nope") is None
    assert [b.type for b in doc.blocks] == ["resource", "locals"]


def test_literals_and_unknowns():
    doc = tf.parse('locals {\n  a = -1\n  b = "x"\n  c = "x-${var.e}"\n  d = var.e\n  e = true\n  f = null\n}\n')
    v = {n: tf.literal(a.value) for n, a in doc.blocks[0].attrs.items()}
    assert v["a"] == -1 and v["b"] == "x" and v["e"] is True and v["f"] is None
    assert v["c"] is tf.UNKNOWN and v["d"] is tf.UNKNOWN


def test_references_find_resources_inside_expressions():
    doc = tf.parse('locals {\n  a = jsonencode({ x = aws_sqs_queue.dlq[0].arn, y = "${aws_kms_key.k.id}" })\n}\n')
    refs = tf.references(doc.blocks[0].attr("a").value)
    assert ("aws_sqs_queue", "dlq") in refs and ("aws_kms_key", "k") in refs


# -- inserting arguments ---------------------------------------------------------


def test_longer_name_realigns_an_aligned_run(tmp_path):
    src = 'resource "a" "b" {\n  name    = "x"\n  timeout = 3\n}\n'
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("message_retention_seconds", "60")]))
    assert out == (
        'resource "a" "b" {\n'
        '  name                      = "x"\n'
        '  timeout                   = 3\n'
        '  message_retention_seconds = 60\n'
        '}\n'
    )
    assert fmt_clean(out, tmp_path)


def test_unaligned_block_gets_single_spaces_and_neighbours_stay():
    src = 'resource "a" "b" {\n  name = "x"\n  timeout    = 3\n}\n'
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("retention", "60")]))
    assert out == 'resource "a" "b" {\n  name = "x"\n  timeout    = 3\n  retention = 60\n}\n'


def test_trailing_comments_are_realigned_with_the_run(tmp_path):
    src = 'resource "a" "b" {\n  name = "x" # n\n  ttl  = 3   # t\n}\n'
    assert fmt_clean(src, tmp_path)
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("throttling", "1")]))
    assert out == (
        'resource "a" "b" {\n'
        '  name       = "x" # n\n'
        '  ttl        = 3   # t\n'
        '  throttling = 1\n'
        '}\n'
    )
    assert fmt_clean(out, tmp_path)


def test_new_argument_goes_before_trailing_tags_and_nested_blocks_keep_their_place():
    src = (
        'resource "a" "b" {\n'
        '  name = "x"\n'
        '\n'
        '  tags = {\n'
        '    Team = "t"\n'
        '  }\n'
        '}\n'
    )
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("redrive_policy", "jsonencode({\n  a = 1\n})")]))
    assert out == (
        'resource "a" "b" {\n'
        '  name = "x"\n'
        '  redrive_policy = jsonencode({\n'
        '    a = 1\n'
        '  })\n'
        '\n'
        '  tags = {\n'
        '    Team = "t"\n'
        '  }\n'
        '}\n'
    )


def test_nested_block_goes_before_lifecycle_with_blank_lines():
    src = 'resource "a" "b" {\n  name = "x"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n'
    nested = tf.render_block("settings", [], [("burst", "2"), ("rate", "1")], "  ")
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("", nested)], kind="block"))
    assert out == (
        'resource "a" "b" {\n'
        '  name = "x"\n'
        '\n'
        '  settings {\n'
        '    burst = 2\n'
        '    rate  = 1\n'
        '  }\n'
        '\n'
        '  lifecycle {\n'
        '    prevent_destroy = true\n'
        '  }\n'
        '}\n'
    )


def test_tail_item_goes_after_blocks_before_depends_on():
    src = 'resource "a" "b" {\n  name = "x"\n\n  depends_on = [a.c]\n}\n'
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("tags", "{\n  A = 1\n}")], kind="tail"))
    assert out == 'resource "a" "b" {\n  name = "x"\n\n  tags = {\n    A = 1\n  }\n\n  depends_on = [a.c]\n}\n'


def test_empty_block_is_filled_with_the_file_indentation():
    src = 'resource "x" "y" {\n    name = "a"\n}\n\nresource "a" "b" {}\n'
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[1], [("name", '"n"'), ("retention", "5")]))
    assert out.endswith('resource "a" "b" {\n    name      = "n"\n    retention = 5\n}\n')


def test_one_line_block_is_laid_out_one_item_per_line(tmp_path):
    src = 'resource "a" "b" { name = "x" }\n'
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("retention", "1")]))
    assert out == 'resource "a" "b" {\n  name      = "x"\n  retention = 1\n}\n'
    assert fmt_clean(out, tmp_path)


def test_one_line_block_with_comment_inside_is_refused():
    doc = tf.parse('resource "a" "b" { /* c */ name = "x" }\n')
    with pytest.raises(FixError):
        tf.insert_into_block(doc, doc.blocks[0], [("n", "1")])


def test_heredoc_opener_counts_in_the_aligned_run(tmp_path):
    src = 'resource "a" "b" {\n  name   = "x"\n  policy = <<EOF\n{ "a" = 1 }\nEOF\n}\n'
    assert fmt_clean(src, tmp_path)
    out = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("n", "1")]))
    assert out == 'resource "a" "b" {\n  name   = "x"\n  policy = <<EOF\n{ "a" = 1 }\nEOF\n  n      = 1\n}\n'
    assert fmt_clean(out, tmp_path)
    longer = edit(src, lambda d: tf.insert_into_block(d, d.blocks[0], [("retention", "1")]))
    assert longer.startswith('resource "a" "b" {\n  name      = "x"\n  policy    = <<EOF\n')
    assert fmt_clean(longer, tmp_path)


# -- objects, lists, new blocks ------------------------------------------------------


def test_object_items_follow_quotes_commas_and_alignment(tmp_path):
    src = 'locals {\n  tags = {\n    "a"   = "1",\n    "bcd" = "2",\n  }\n}\n'
    out = edit(src, lambda d: tf.add_object_items(d, d.blocks[0].attr("tags").value, [("Environment", "var.e")]))
    assert out == 'locals {\n  tags = {\n    "a"           = "1",\n    "bcd"         = "2",\n    "Environment" = var.e,\n  }\n}\n'
    assert fmt_clean(out, tmp_path)


def test_single_line_and_empty_objects():
    one = edit('locals {\n  t = { A = 1 }\n}\n', lambda d: tf.add_object_items(d, d.blocks[0].attr("t").value, [("B", "2")]))
    assert one == 'locals {\n  t = { A = 1, B = 2 }\n}\n'
    empty = edit('locals {\n  t = {}\n}\n', lambda d: tf.add_object_items(d, d.blocks[0].attr("t").value, [("B", "2"), ("Cc", "3")]))
    assert empty == 'locals {\n  t = {\n    B  = 2\n    Cc = 3\n  }\n}\n'


def test_list_items_keep_layout():
    one = edit('locals {\n  d = [a.b]\n}\n', lambda d: tf.add_list_item(d, d.blocks[0].attr("d").value, "c.d"))
    assert one == 'locals {\n  d = [a.b, c.d]\n}\n'
    multi = edit('locals {\n  d = [\n    a.b,\n  ]\n}\n', lambda d: tf.add_list_item(d, d.blocks[0].attr("d").value, "c.d"))
    assert multi == 'locals {\n  d = [\n    a.b,\n    c.d,\n  ]\n}\n'


def test_becomes_multiline_leaves_the_run(tmp_path):
    src = 'resource "a" "b" {\n  name              = "x"\n  retention_in_days = 3\n  tags              = local.t\n}\n'
    def fn(d):
        b = d.blocks[0]
        a = b.attr("tags")
        s, e = tf.span(a.value)
        from iacfix.core import Edit
        return [Edit(s, e, "merge(local.t, {\n    A = 1\n  })")] + tf.becomes_multiline(d, b, a)
    out = edit(src, fn)
    assert '  tags = merge(local.t, {\n' in out
    assert fmt_clean(out, tmp_path)


def test_new_block_after_its_neighbour_in_tab_indented_file():
    src = 'resource "a" "b" {\n\tname = "x"\n}\n\nresource "c" "d" {\n}\n'
    doc = tf.parse(src)
    assert doc.unit == "\t"
    text = tf.render_block("resource", ["e", "f"], [("name", '"y"'), ("target_key_id", "a.b.id")], doc.unit)
    out = apply_edits(src, [tf.insert_after_block(doc, doc.blocks[0], text)])
    assert out == (
        'resource "a" "b" {\n\tname = "x"\n}\n\n'
        'resource "e" "f" {\n\tname          = "y"\n\ttarget_key_id = a.b.id\n}\n\n'
        'resource "c" "d" {\n}\n'
    )


def test_quote_escapes_template_markers():
    assert tf.quote('a"${b}') == '"a\\"$${b}"'


# -- shared Terraform conventions --------------------------------------------------


def test_environment_variable_and_derived_names():
    doc = tf.parse(
        'variable "stage" {}\n'
        'resource "aws_sqs_queue" "q" {\n'
        '  name = "orders-${var.stage}"\n'
        '}\n'
        'resource "aws_sqs_queue" "q_dlq" {\n'
        '  name = "other"\n'
        '}\n'
    )
    assert env_var(doc) == "var.stage"
    q = doc.resources("aws_sqs_queue")[0]
    assert derived_name(doc, q.attr("name").value, "dlq") == '"orders-dlq-${var.stage}"'
    assert label_for(doc, "aws_sqs_queue", "q", "dlq") == "q_dlq_2"


@pytest.mark.parametrize("name, fifo, want", [
    ('"orders"', False, '"orders-dlq"'),
    ('"orders.fifo"', True, '"orders-dlq.fifo"'),
    ('"${var.prefix}_orders"', False, '"${var.prefix}_orders_dlq"'),
    ("var.queue_name", False, '"${var.queue_name}-dlq"'),
    ("var.queue_name", True, None),
])
def test_derived_names(name, fifo, want):
    doc = tf.parse(f'resource "aws_sqs_queue" "q" {{\n  name = {name}\n}}\n')
    assert derived_name(doc, doc.blocks[0].attr("name").value, "dlq", fifo=fifo) == want


# -- detectors on small inputs ---------------------------------------------------------


def _findings(text, slug, **kw):
    import iacfix.codemods as codemods
    from iacfix.engine import Settings, process_source
    from iacfix.sources import SourceText

    from tests.shared import OWNER_PARAMS

    kw.setdefault("params", OWNER_PARAMS)
    st = Settings(codemods=codemods.select([slug]), fix=True, **kw)
    return process_source(SourceText.from_string(text), "terraform", "main.tf", st)


def test_default_tags_count_per_provider_alias():
    text = (
        'provider "aws" {\n  default_tags {\n    tags = { ManagedBy = "terraform", Environment = "x" }\n  }\n}\n'
        'provider "aws" {\n  alias = "west"\n}\n'
        'resource "aws_sqs_queue" "a" {\n  name = "a"\n}\n'
        'resource "aws_sqs_queue" "b" {\n  provider = aws.west\n  name     = "b"\n}\n'
    )
    res = _findings(text, "required-tags")
    # b's provider has no default tags: it lacks both, and gets the Environment value the
    # module's tags state (the default provider's "x"; the module has no environment variable)
    assert [(f.gap.resource_name, f.fixable) for f in res.findings] == [("b", True)]
    assert 'Environment = "x"' in res.new.split('"b" {')[1]


def test_a_key_the_module_gives_one_value_is_written_with_it_and_in_the_authors_map():
    text = (
        'variable "environment" {}\n'
        'resource "aws_sqs_queue" "a" {\n  tags = merge({ Environment = local.env.value }, { yor_trace = "1" })\n}\n'
        'resource "aws_sqs_queue" "b" {\n  tags = merge({ Name = "b" }, { git_file = "b.tf", yor_trace = "2" })\n}\n'
    )
    res = _findings(text, "required-tags")
    b = res.new.split('"b" {')[1].split("\n}")[0]
    assert 'merge({ Name = "b", Environment = local.env.value, ManagedBy = "terraform" }, { git_file' in b, b
    # two values for the key (one per resource): the environment variable, as before
    res = _findings(text.replace("local.env.value", "var.environment") + 'resource "aws_sqs_queue" "d" {\n'
                    '  tags = { Environment = "prod" }\n}\nresource "aws_sqs_queue" "e" {}\n', "required-tags")
    assert "Environment = var.environment" in res.new.split('"e" {')[1]
    # one value, but not the same for every resource: not copied
    res = _findings(text.replace("local.env.value", "each.key"), "required-tags")
    assert "Environment = var.environment" in res.new.split('"b" {')[1]


def test_tag_needing_the_environment_is_reported_apart_and_stays():
    res = _findings('resource "aws_sns_topic" "t" {\n  name = "t"\n}\n', "required-tags")
    assert [(f.gap.detail, f.fixable) for f in res.findings] == [("", True), ("unrendered", False)]
    assert not res.failed
    assert [f.gap.detail for f in res.remaining] == ["unrendered"]
    assert 'ManagedBy = "terraform"' in res.new


def test_dlq_is_recognised_by_name_target_and_allow_policy():
    text = (
        'resource "aws_sqs_queue" "orders_dlq" {}\n'
        'resource "aws_sqs_queue" "failed" {\n  name = "orders-dead-letter"\n}\n'
        'resource "aws_sqs_queue" "parking" {\n  redrive_allow_policy = jsonencode({ redrivePermission = "allowAll" })\n}\n'
        'resource "aws_sqs_queue" "target" {}\n'
        'resource "aws_sns_topic_subscription" "s" {\n'
        '  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.target.arn })\n}\n'
    )
    assert _findings(text, "dead-letter-queue").findings == []


def test_sync_invocation_is_not_async_evidence():
    text = (
        'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role = "r"\n}\n'
        'resource "aws_lambda_permission" "api" {\n'
        '  function_name = aws_lambda_function.api.function_name\n  principal = "apigateway.amazonaws.com"\n}\n'
        'resource "aws_lambda_function" "ev" {\n  function_name = "ev"\n  role = "r"\n}\n'
        'resource "aws_lambda_permission" "ev" {\n'
        '  function_name = aws_lambda_function.ev.arn\n  principal = "events.amazonaws.com"\n}\n'
    )
    assert [f.gap.resource_name for f in _findings(text, "dead-letter-queue").findings] == ["ev"]


def test_on_failure_destination_counts_as_dead_letter_handling():
    text = (
        'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  role = "r"\n}\n'
        'resource "aws_lambda_function_event_invoke_config" "f" {\n'
        '  function_name = aws_lambda_function.f.function_name\n'
        '  destination_config {\n    on_failure {\n      destination = aws_sqs_queue.failed.arn\n    }\n  }\n}\n'
        'resource "aws_sqs_queue" "failed" {}\n'
    )
    assert _findings(text, "dead-letter-queue").findings == []


def test_rest_stage_matched_by_literal_stage_name_and_unknown_path():
    base = (
        'resource "aws_api_gateway_stage" "s" {\n  stage_name = "v1"\n  rest_api_id = "x"\n  deployment_id = "d"\n}\n'
        'resource "aws_api_gateway_method_settings" "m" {\n  rest_api_id = "x"\n  stage_name = "v1"\n'
    )
    known = _findings(base + '  method_path = "*/*"\n  settings {\n    throttling_rate_limit = 1\n  }\n}\n', "api-throttling")
    assert [f.gap.message for f in known.findings] == ["API stage 'v1' has no burst limit"]
    unknown = _findings(base + '  method_path = var.path\n}\n', "api-throttling")
    assert unknown.findings == []


def test_replacing_a_value_keeps_trailing_comments_aligned(tmp_path):
    src = 'resource "a" "b" {\n  burst = -1  # off\n  rate  = 100 # on\n}\n'
    assert fmt_clean(src, tmp_path)
    def fn(d):
        b = d.blocks[0]
        return tf.replace_values(d, [(b.attr("burst").value, "200"), (b.attr("rate").value, "1000")])
    out = edit(src, fn)
    assert out == 'resource "a" "b" {\n  burst = 200  # off\n  rate  = 1000 # on\n}\n'
    assert fmt_clean(out, tmp_path)


def test_call_argument_follows_the_call_layout(tmp_path):
    one = edit('locals {\n  t = merge(local.a)\n}\n',
               lambda d: tf.add_call_argument(d, d.blocks[0].attr("t").value, "{\n  B = 2\n}"))
    assert one == 'locals {\n  t = merge(local.a, {\n    B = 2\n  })\n}\n'
    per_line = 'locals {\n  t = merge(\n    local.a,\n    local.b\n  )\n}\n'
    out = edit(per_line, lambda d: tf.add_call_argument(d, d.blocks[0].attr("t").value, "{\n  B = 2\n}"))
    assert out == 'locals {\n  t = merge(\n    local.a,\n    local.b,\n    {\n      B = 2\n    }\n  )\n}\n'
    assert fmt_clean(out, tmp_path)
