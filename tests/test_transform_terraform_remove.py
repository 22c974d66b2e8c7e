"""Terraform editor: removing arguments (rds-performance-insights) and
widening an edit to its resource."""

from __future__ import annotations

import pytest

from iacfix.core import Edit, FixError, apply_edits
from iacfix.transforms import terraform as tf


def remove(src, *names, rtype="aws_db_instance"):
    doc = tf.parse(src)
    res = doc.resources(rtype)[0]
    out = apply_edits(src, tf.remove_items(doc, [res.attr(n) for n in names]))
    tf.parse(out)
    return out


def test_remove_realigns_the_run_it_leaves():
    src = ('resource "aws_db_instance" "a" {\n'
           '  engine                                = "postgres"\n'
           '  performance_insights_retention_period = 7 # a week\n'
           '  port                                  = 5432\n'
           '}\n')
    assert remove(src, "performance_insights_retention_period") == (
        'resource "aws_db_instance" "a" {\n'
        '  engine = "postgres"\n'
        '  port   = 5432\n'
        '}\n')


def test_remove_keeps_a_misaligned_file_as_it_is():
    src = 'resource "aws_db_instance" "a" {\n  engine = "postgres"\n  kms_key_id    = "k"\n  port = 1\n}\n'
    assert remove(src, "kms_key_id") == 'resource "aws_db_instance" "a" {\n  engine = "postgres"\n  port = 1\n}\n'


def test_remove_multi_line_argument_and_doubled_blank_line():
    src = ('resource "aws_db_instance" "a" {\n'
           '  engine = "postgres"\n'
           '\n'
           '  performance_insights_kms_key_id = (\n'
           '    aws_kms_key.pi.arn\n'
           '  )\n'
           '\n'
           '  port = 5432\n'
           '}\n')
    assert remove(src, "performance_insights_kms_key_id") == (
        'resource "aws_db_instance" "a" {\n'
        '  engine = "postgres"\n'
        '\n'
        '  port = 5432\n'
        '}\n')


def test_remove_last_argument_before_a_blank_line_and_the_brace():
    src = 'resource "aws_db_instance" "a" {\n  engine = "postgres"\n\n  port = 1\n}\n'
    assert remove(src, "port") == 'resource "aws_db_instance" "a" {\n  engine = "postgres"\n}\n'


def test_remove_refuses_an_argument_sharing_its_line():
    src = 'resource "aws_db_instance" "a" { port = 1 }\n'
    doc = tf.parse(src)
    with pytest.raises(FixError):
        tf.remove_items(doc, [doc.resources()[0].attr("port")])


def test_widen_covers_the_span_and_keeps_the_change():
    text = "abcdefgh"
    e = tf.widen(Edit(3, 4, "XY"), 1, 6, text)
    assert (e.start, e.end) == (1, 6)
    assert apply_edits(text, [e]) == apply_edits(text, [Edit(3, 4, "XY")])


@pytest.mark.parametrize("raw, text", [
    (r'" \"' + "'" + r'@/\\"', " \"'@/\\"),
    (r'"/@\u0060"', "/@`"),
    ('"$${x} %%{y}"', "${x} %{y}"),
    (r'"a\tb\nc"', "a\tb\nc"),
])
def test_string_text_decodes_escapes_and_quote_writes_them_back(raw, text):
    doc = tf.parse(f"locals {{\n  a = {raw}\n}}\n")
    node = doc.blocks[0].attr("a").value
    assert tf.string_text(node) == text
    assert tf.string_text(tf.parse(f"locals {{\n  a = {tf.quote(text)}\n}}\n").blocks[0].attr("a").value) == text


def test_string_text_of_a_template_is_none():
    doc = tf.parse('locals {\n  a = "${var.x}/@"\n}\n')
    assert tf.string_text(doc.blocks[0].attr("a").value) is None
