"""The CDK Go editor (transforms/go.py): locating with tree-sitter-go, and edits that keep
the file as gofmt leaves it (each output is also checked by gofmt when it is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import iacfix.codemods as codemods
from iacfix.core import ParseError, apply_edits
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText, detect_language
from iacfix.suppress import suppressions
from iacfix.transforms.go import GoLit, parse

HEAD = '''package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"
)

func New(stack awscdk.Stack) {
'''


def go(body: str) -> str:
    return HEAD + body + "}\n"


def gofmt_clean(text: str) -> None:
    exe = shutil.which("gofmt")
    if exe is None:
        return
    r = subprocess.run([exe, "-l"], input=text.encode(), capture_output=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([exe], input=text.encode(), capture_output=True)
    assert r.stdout.decode() == text, "gofmt would change the output"


def props(doc, i=0):
    calls = [c for c in doc.calls() if c.func.startswith("New") and len(c.args) == 3]
    return doc.literal(calls[i].args[2])


def add(text: str, fields, before=None, i=0) -> str:
    doc = parse(text)
    lit = props(doc, i)
    b = lit.field(before) if before else None
    out = apply_edits(text, doc.add_fields(lit, fields, before=b))
    parse(out)  # still Go
    return out


def test_a_longer_key_realigns_its_run():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tAlias:       jsii.String("a"),\n'
             '\t\tDescription: jsii.String("d"),\n'
             '\t})\n')
    out = add(src, [("EnableKeyRotation", "jsii.Bool(true)")])
    assert out == go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
                     '\t\tAlias:             jsii.String("a"),\n'
                     '\t\tDescription:       jsii.String("d"),\n'
                     '\t\tEnableKeyRotation: jsii.Bool(true),\n'
                     '\t})\n')
    gofmt_clean(out)


def test_a_shorter_key_takes_the_runs_column():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tDescription: jsii.String("d"),\n'
             '\t})\n')
    out = add(src, [("Alias", 'jsii.String("a")')], before="Description")
    assert '\t\tAlias:       jsii.String("a"),\n\t\tDescription: jsii.String("d"),\n' in out
    gofmt_clean(out)


def test_a_blank_line_or_a_comment_line_ends_a_run():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tA: jsii.String("a"),\n'
             '\n'
             '\t\tBb: jsii.String("b"),\n'
             '\t\t// about C\n'
             '\t\tC: jsii.String("c"),\n'
             '\t})\n')
    out = add(src, [("Longer", "jsii.Bool(true)")], before="C")
    # the new field joins Bb's run (it goes right after Bb); A and C keep their spacing
    assert ('\t\tA: jsii.String("a"),\n\n\t\tBb:     jsii.String("b"),\n\t\tLonger: jsii.Bool(true),\n'
            '\t\t// about C\n\t\tC: jsii.String("c"),\n') in out
    gofmt_clean(out)


def test_a_multi_line_element_ends_a_run_and_a_new_literal_is_laid_out():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tPolicy: awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{\n'
             '\t\t\tMinimize: jsii.Bool(true),\n'
             '\t\t}),\n'
             '\t})\n')
    out = add(src, [("Rotation", GoLit("awskms.Rotation", (("Enabled", "jsii.Bool(true)"), ("PeriodInDays", "jsii.Number(365)")))),
                    ("X", "jsii.Bool(true)")])
    assert out.endswith('\t\t}),\n'
                        '\t\tRotation: &awskms.Rotation{\n'
                        '\t\t\tEnabled:      jsii.Bool(true),\n'
                        '\t\t\tPeriodInDays: jsii.Number(365),\n'
                        '\t\t},\n'
                        '\t\tX: jsii.Bool(true),\n'
                        '\t})\n}\n')
    gofmt_clean(out)


def test_a_new_multi_line_element_splits_the_run_it_lands_in_and_each_part_is_realigned():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tAlias:                jsii.String("a"),\n'
             '\t\tPendingWindow:        awscdk.Duration_Days(jsii.Number(7)),\n'
             '\t\tEnableKeyRotation:    jsii.Bool(true),\n'
             '\t\tRotationPeriodInDays: jsii.Number(365),\n'
             '\t})\n')
    out = add(src, [("Policy", GoLit("awsiam.PolicyDocument", (("Minimize", "jsii.Bool(true)"),
                                                                ("AssignSids", "jsii.Bool(true)"))))],
              before="EnableKeyRotation")
    assert out == go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
                     '\t\tAlias:         jsii.String("a"),\n'
                     '\t\tPendingWindow: awscdk.Duration_Days(jsii.Number(7)),\n'
                     '\t\tPolicy: &awsiam.PolicyDocument{\n'
                     '\t\t\tMinimize:   jsii.Bool(true),\n'
                     '\t\t\tAssignSids: jsii.Bool(true),\n'
                     '\t\t},\n'
                     '\t\tEnableKeyRotation:    jsii.Bool(true),\n'
                     '\t\tRotationPeriodInDays: jsii.Number(365),\n'
                     '\t})\n')
    gofmt_clean(out)


def test_trailing_comments_follow_their_values():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tAlias:       jsii.String("a"),      // short\n'
             '\t\tDescription: jsii.String("longer"), // long\n'
             '\t})\n')
    out = add(src, [("EnableKeyRotation", "jsii.Bool(true)")])
    assert ('\t\tAlias:             jsii.String("a"),      // short\n'
            '\t\tDescription:       jsii.String("longer"), // long\n'
            '\t\tEnableKeyRotation: jsii.Bool(true),\n') in out
    gofmt_clean(out)


def test_nil_props_become_a_literal_at_the_lines_indentation():
    src = go('\tif true {\n\t\tawskms.NewKey(stack, jsii.String("K"), nil)\n\t}\n')
    doc = parse(src)
    call = [c for c in doc.calls() if c.func == "NewKey"][0]
    out = apply_edits(src, doc.nil_to_literal(call.args[2], GoLit("awskms.KeyProps", (
        ("EnableKeyRotation", "jsii.Bool(true)"), ("Alias", 'jsii.String("k")')))))
    assert out == go('\tif true {\n\t\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
                     '\t\t\tEnableKeyRotation: jsii.Bool(true),\n'
                     '\t\t\tAlias:             jsii.String("k"),\n'
                     '\t\t})\n\t}\n')
    gofmt_clean(out)


def test_empty_and_one_line_literals():
    src = go('\tawskms.NewKey(stack, jsii.String("A"), &awskms.KeyProps{})\n'
             '\tawskms.NewKey(stack, jsii.String("B"), &awskms.KeyProps{Alias: jsii.String("b")})\n')
    out = add(src, [("EnableKeyRotation", "jsii.Bool(true)")], i=0)
    out = add(out, [("EnableKeyRotation", "jsii.Bool(true)")], i=1)
    assert out == go('\tawskms.NewKey(stack, jsii.String("A"), &awskms.KeyProps{\n'
                     '\t\tEnableKeyRotation: jsii.Bool(true),\n'
                     '\t})\n'
                     '\tawskms.NewKey(stack, jsii.String("B"), &awskms.KeyProps{Alias: jsii.String("b"), '
                     'EnableKeyRotation: jsii.Bool(true)})\n')
    gofmt_clean(out)


def test_imports_go_where_goimports_puts_them():
    doc = parse(go(""))
    name, edits = doc.ensure_import("github.com/aws/aws-cdk-go/awscdk/v2/awslogs")
    assert name == "awslogs"
    out = apply_edits(doc.text, edits)
    assert ('\t"github.com/aws/aws-cdk-go/awscdk/v2/awskms"\n'
            '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"\n'
            '\t"github.com/aws/jsii-runtime-go"\n') in out
    gofmt_clean(out)
    # an aliased import is used by its alias, not imported twice
    doc = parse(go("").replace('\t"github.com/aws/aws-cdk-go/awscdk/v2/awskms"', '\tkms "github.com/aws/aws-cdk-go/awscdk/v2/awskms"'))
    assert doc.ensure_import("github.com/aws/aws-cdk-go/awscdk/v2/awskms") == ("kms", [])
    assert doc.ensure_import("github.com/aws/jsii-runtime-go") == ("jsii", [])


def test_an_import_block_of_the_standard_library_gets_a_group():
    src = 'package p\n\nimport (\n\t"fmt"\n)\n\nvar _ = fmt.Sprint\n'
    doc = parse(src)
    _, edits = doc.ensure_import("github.com/aws/jsii-runtime-go")
    out = apply_edits(src, edits)
    assert out == 'package p\n\nimport (\n\t"fmt"\n\n\t"github.com/aws/jsii-runtime-go"\n)\n\nvar _ = fmt.Sprint\n'
    gofmt_clean(out)


def test_the_standard_library_gets_the_first_group_where_there_is_none():
    # goimports order: the standard library's group first, before the third-party ones
    src = 'package p\n\nimport (\n\t"github.com/aws/jsii-runtime-go"\n)\n\nvar _ = jsii.String\n'
    doc = parse(src)
    _, edits = doc.ensure_import("fmt")
    out = apply_edits(src, edits)
    assert out == 'package p\n\nimport (\n\t"fmt"\n\n\t"github.com/aws/jsii-runtime-go"\n)\n\nvar _ = jsii.String\n'
    gofmt_clean(out)


def test_constructor_calls_resolve_their_package():
    doc = parse(go('\tk := awskms.NewKey(stack, jsii.String("K"), nil)\n\t_ = k\n'))
    (call,) = [c for c in doc.calls() if c.func == "NewKey"]
    assert call.path == "github.com/aws/aws-cdk-go/awscdk/v2/awskms"
    assert call.target == "k" and call.line == 10 and call.args[2].type == "nil"


def test_byte_offsets_are_turned_into_characters():
    src = go('\t// clé, 鍵 and ключ\n\tawskms.NewKey(stack, jsii.String("Ключ"), &awskms.KeyProps{\n'
             '\t\tAlias: jsii.String("ä"),\n\t})\n')
    out = add(src, [("EnableKeyRotation", "jsii.Bool(true)")])
    assert '\t\tAlias:             jsii.String("ä"),\n\t\tEnableKeyRotation: jsii.Bool(true),\n\t})' in out


def test_a_syntax_error_is_a_parse_error_with_its_line():
    with pytest.raises(ParseError) as e:
        parse("package p\n\nfunc f() {\n\tx := \n")
    assert e.value.line is not None


def test_go_files_are_recognised_by_their_cdk_imports():
    assert detect_language(Path("stack.go"), go("")) == "go"
    aliased = 'package p\n\nimport kms "github.com/aws/aws-cdk-go/awscdk/v2/awskms"\n'
    assert detect_language(Path("stack.go"), aliased) == "go"
    assert detect_language(Path("stack_test.go"), go("")) is None
    assert detect_language(Path("main.go"), 'package main\n\nimport "fmt"\n') is None
    # CDK v1 for Go is another module
    assert detect_language(Path("v1.go"), 'package p\n\nimport "github.com/aws/aws-cdk-go/awscdk"\n') is None


def test_go_comments_suppress():
    text = 'package p\n\nvar x = 1 // iacfix: ignore[kms-key-rotation]\n\n/* iacfix: ignore */\nvar s = "// iacfix: ignore"\n'
    sup = suppressions(text, "go", parse(text))
    assert [(m.line, m.names) for m in sup.marks] == [(3, {"kms-key-rotation"}), (5, None)]


def _fix(text: str) -> str:
    res = process_source(SourceText.from_string(text), "go", "stack.go",
                         Settings(codemods=codemods.select(["kms-key-rotation"]), fix=True))
    assert res.error is None and not res.failed
    return res.new


KEY = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n\t\tAlias: jsii.String("a"),\n\t})\n')
# (the catalog's order puts key rotation before the alias, as in CDK Python)
FIXED = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
           '\t\tEnableKeyRotation: jsii.Bool(true),\n\t\tAlias:             jsii.String("a"),\n\t})\n')


def test_crlf_is_kept():
    assert _fix(KEY.replace("\n", "\r\n")) == FIXED.replace("\n", "\r\n")


def test_a_missing_final_newline_stays_missing():
    assert _fix(KEY.rstrip("\n")) == FIXED.rstrip("\n")


def test_a_bom_is_kept():
    assert _fix("\ufeff" + KEY) == "\ufeff" + FIXED


def test_a_literal_closed_on_its_last_line_gets_the_field_on_that_line():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tAlias: jsii.String("a")})\n'
             '\tawskms.NewKey(stack, jsii.String("L"), &awskms.KeyProps{Alias: jsii.String("b"),\n'
             '\t\tDescription: jsii.String("d"),\n\t})\n')
    out = add(src, [("EnableKeyRotation", "jsii.Bool(true)")], i=0)
    assert '\t\tAlias: jsii.String("a"), EnableKeyRotation: jsii.Bool(true)})\n' in out
    out = add(out, [("EnableKeyRotation", "jsii.Bool(true)")], before="Alias", i=1)
    assert '&awskms.KeyProps{EnableKeyRotation: jsii.Bool(true), Alias: jsii.String("b"),\n' in out


@pytest.mark.parametrize("before, after", [
    ("{\n\t\t\tp1,\n\t\t}", "{\n\t\t\tp1,\n\t\t\tp2,\n\t\t}"),  # a line of its own
    ("{p1}", "{p1, p2}"),  # one line stays one line
    ("{}", "{p2}"),
    ("{\n\t\t\tp1}", "{\n\t\t\tp1, p2}"),  # closed on the last element's line
    ("{\n\t\t\tp1, // why\n\t\t}", "{\n\t\t\tp1, // why\n\t\t\tp2,\n\t\t}"),  # after its comment
])
def test_an_element_is_appended_to_a_slice_literal(before, after):
    def src(body):
        return go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
                  f'\t\tPolicies: &[]awsiam.IPolicy{body},\n'
                  '\t})\n')
    text = src(before)
    doc = parse(text)
    slice_lit = props(doc).field("Policies").value.child_by_field_name("operand")
    out = apply_edits(text, doc.append_element(slice_lit.child_by_field_name("body"), "p2"))
    assert out == src(after)
    gofmt_clean(out)


def test_a_removed_longest_key_narrows_its_run():
    src = go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
             '\t\tAlias:             jsii.String("a"),\n'
             '\t\tEnableKeyRotation: jsii.Bool(true), // kept on\n'
             '\t\tDescription:       jsii.String("d"),\n'
             '\n'
             '\t\tPendingWindow: awscdk.Duration_Days(jsii.Number(7)),\n'
             '\t})\n')
    doc = parse(src)
    lit = props(doc)
    out = apply_edits(src, doc.remove_fields(lit, [lit.field("EnableKeyRotation")]))
    assert out == go('\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
                     '\t\tAlias:       jsii.String("a"),\n'
                     '\t\tDescription: jsii.String("d"),\n'
                     '\n'
                     '\t\tPendingWindow: awscdk.Duration_Days(jsii.Number(7)),\n'
                     '\t})\n')
    gofmt_clean(out)


def test_a_value_on_several_lines_is_not_aligned_with_its_neighbours():
    # gofmt aligns a run of one-line key-value elements; a value that goes on over several
    # lines (a sum of strings) breaks the run, and its key keeps one space.
    from iacfix.transforms.go import GoLit, render

    value = "jsii.String(`{\"a\":1,` +\n\t\t`\"b\":2}`)"
    text = render(GoLit("T", (("DestinationArn", "x.AttrArn()"), ("Format", value))), "", inline=False)
    assert text == ("&T{\n\tDestinationArn: x.AttrArn(),\n\tFormat: " + value + ",\n}")


def test_a_one_line_literal_given_a_literal_of_several_fields_goes_one_field_a_line():
    from iacfix.transforms.go import GoLit, parse

    src = ("package p\n\nfunc f() {\n\tg(&T{A: 1, Bee: 2})\n\th(&T{\n\t\tOpts: &U{A: 1},\n\t\tB:    2,\n\t})\n"
           "\th(&T{\n\t\tOpts: &U{A: 1},\n\n\t\tB: 2,\n\t})\n}\n")
    doc = parse(src)
    lits = [doc.literal(n) for n in _composites(doc)]
    top, in_run, alone = lits[0], lits[2], lits[4]
    assert (top.type_name, in_run.type_name, alone.type_name) == ("T", "U", "U")
    big = GoLit("V", (("X", "1"), ("Y", "2")))
    out = apply_edits(src, doc.insert_fields(top, [(None, "C", big)]))
    assert "\tg(&T{\n\t\tA:   1,\n\t\tBee: 2,\n\t\tC: &V{\n\t\t\tX: 1,\n\t\t\tY: 2,\n\t\t},\n\t})\n" in out
    # the value of a field aligned with the next line: exploding it would break gofmt's run
    assert "Opts: &U{A: 1, C: &V{X: 1, Y: 2}}," in apply_edits(src, doc.insert_fields(in_run, [(None, "C", big)]))
    # alone on its lines (a blank line after it): it may go one field a line
    assert "Opts: &U{\n\t\t\tA: 1,\n\t\t\tC: &V{" in apply_edits(src, doc.insert_fields(alone, [(None, "C", big)]))
    # two new fields: one field a line too
    two = apply_edits(src, doc.insert_fields(top, [(None, "C", "3"), (None, "D", "4")]))
    assert "\tg(&T{\n\t\tA:   1,\n\t\tBee: 2,\n\t\tC:   3,\n\t\tD:   4,\n\t})\n" in two
    # a literal of one field stays on the line
    assert "g(&T{A: 1, Bee: 2, C: &V{X: 1}})" in apply_edits(src, doc.insert_fields(top, [(None, "C", GoLit("V", (("X", "1"),)))]))


def _composites(doc):
    out, stack = [], [doc.tree.root_node]
    while stack:
        n = stack.pop()
        if n.type == "composite_literal":
            out.append(n)
        stack.extend(reversed(n.children))
    return out


def test_values_replaced_or_fields_removed_keep_gofmt_comment_column():
    src = ("package p\n\nfunc f() {\n\tg(&T{\n\t\tEnabled:   b(true),                 // asked for\n"
           "\t\tRetention: r.PerformanceInsightRetention, // long\n\t\tVpc:       vpc,                     // private\n\t})\n}\n")
    doc = parse(src)
    lit = doc.literal(next(n for n in _composites(doc)))
    enabled, retention, _ = lit.fields
    out = apply_edits(src, doc.change_fields(lit, [(enabled, "b(false)")], [retention]))
    assert "\t\tEnabled: b(false), // asked for\n\t\tVpc:     vpc,      // private\n" in out
    gofmt_clean(out)
    out = apply_edits(src, doc.change_fields(lit, [(retention, "r.Short")]))
    assert "\t\tEnabled:   b(true), // asked for\n\t\tRetention: r.Short, // long\n\t\tVpc:       vpc,     // private\n" in out
    gofmt_clean(out)


def test_edit_fields_lays_out_a_one_line_literal_that_would_pass_120_columns_with_its_replaced_values():
    # one field a pass from several codemods made a 250-column line; edit_fields (one fix's
    # replacements and additions) goes one field a line past LINE columns, writing the
    # replaced value in the same rewrite (two edits there would overlap)
    from iacfix.transforms.go import LINE

    src = ('package p\n\nfunc f() {\n\tg(&T{Description: jsii.String("orders data, kept for seven years"), '
           'Rotate: jsii.Bool(false)})\n}\n')
    doc = parse(src)
    lit = doc.literal(next(n for n in _composites(doc)))
    rotate = lit.fields[1]
    out = apply_edits(src, doc.edit_fields(lit, [(rotate, "jsii.Bool(true)")], (), [(None, "Alias", 'jsii.String("alias/orders")')]))
    assert out == ('package p\n\nfunc f() {\n\tg(&T{\n\t\tDescription: jsii.String("orders data, kept for seven years"),\n'
                   '\t\tRotate:      jsii.Bool(true),\n\t\tAlias:       jsii.String("alias/orders"),\n\t})\n}\n')
    gofmt_clean(out)
    short = 'package p\n\nfunc f() {\n\tg(&T{A: 1})\n}\n'
    doc = parse(short)
    lit = doc.literal(next(n for n in _composites(doc)))
    assert apply_edits(short, doc.edit_fields(lit, (), (), [(None, "B", "2")])) == 'package p\n\nfunc f() {\n\tg(&T{A: 1, B: 2})\n}\n'
    assert LINE == 120
