from iacfix import engine, golden
from iacfix.engine import (
    GC_THRESHOLDS,
    Settings,
    _deep,
    _edited_lines,
    _key,
    _ordered,
    _Taken,
    process_source,
    suppressions,
)
from iacfix.core import Edit, apply_edits, edits_conflict
from iacfix.sources import SourceText

from tests import toy

TEMPLATE = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::SQS::Queue
  Audit:
    Type: AWS::SQS::Queue
    Properties:
      Retention: 3
"""


def run(text, cms=None, fix=True, **kw):
    s = Settings(codemods=cms or [toy.RETENTION], fix=fix, **kw)
    return process_source(SourceText.from_string(text), "cloudformation", "t.yaml", s)


def test_fix_inserts_and_verifies():
    res = run(TEMPLATE)
    assert res.error is None
    assert [f.gap.resource_name for f in res.findings] == ["Orders"]
    assert [f.gap.resource_name for f in res.fixed] == ["Orders"]
    assert res.new == TEMPLATE.replace(
        "  Orders:\n    Type: AWS::SQS::Queue\n",
        "  Orders:\n    Type: AWS::SQS::Queue\n    Properties:\n      Retention: 7\n",
    )
    assert res.remaining == []


def test_check_mode_changes_nothing():
    res = run(TEMPLATE, fix=False)
    assert res.new is None and len(res.remaining) == 1


def test_params_reach_the_detector():
    res = run(TEMPLATE, params={"toy-retention": {"value": 30}})
    assert "Retention: 30" in res.new


def test_second_run_is_a_fixpoint():
    once = run(TEMPLATE).new
    assert run(once).new is None


def test_fix_that_breaks_the_file_is_dropped_and_others_kept():
    text = TEMPLATE + "  BrokenQ:\n    Type: AWS::SQS::Queue\n    Properties:\n      Retention: 1\n"
    res = run(text, cms=[toy.RETENTION, toy.BROKEN])
    assert [f.finding.gap.resource_name for f in res.failed] == ["BrokenQ"]
    assert "does not parse" in res.failed[0].reason
    assert "[unclosed" not in res.new
    assert "Retention: 7" in res.new  # the good fix survived


def test_fix_error_is_reported_not_raised():
    text = TEMPLATE + "  RaiseQ:\n    Type: AWS::SQS::Queue\n    Properties: {Retention: 1}\n"
    res = run(text, cms=[toy.RAISES])
    assert res.failed[0].reason == "cannot work out the queue's name"
    assert res.new is None


def test_unfixable_finding_stays():
    text = TEMPLATE + "  ReportQ:\n    Type: AWS::SQS::Queue\n    Properties: {Retention: 1}\n"
    res = run(text, cms=[toy.UNFIXABLE])
    assert res.new is None
    assert [f.gap.resource_name for f in res.remaining] == ["ReportQ"]


def test_crlf_and_bom_survive():
    text = "\ufeff" + TEMPLATE.replace("\n", "\r\n")
    res = run(text)
    assert res.new.startswith("\ufeff")
    assert res.new.count("\r\n") == res.new.count("\n")
    assert "Retention: 7\r\n" in res.new


def test_missing_final_newline_stays_missing():
    text = TEMPLATE.rstrip("\n")
    res = run(text)
    assert not res.new.endswith("\n")


def test_inline_suppression_by_id_slug_and_bare():
    for comment in ("# iacfix: ignore[TOY001]", "# iacfix: ignore[toy-retention]", "# iacfix: ignore"):
        text = TEMPLATE.replace("  Orders:\n", f"  Orders:  {comment}\n")
        res = run(text)
        assert res.findings == [] and res.new is None, comment
        assert len(res.suppressed) == 1
    text = TEMPLATE.replace("  Orders:\n", "  # iacfix: ignore[IAC999]\n  Orders:\n")
    assert len(run(text).findings) == 1


def test_suppression_on_line_above():
    text = TEMPLATE.replace("  Orders:\n", "  # iacfix: ignore[TOY001]\n  Orders:\n")
    assert run(text).findings == []


def test_suppressions_parser():
    sup = suppressions("a # iacfix: ignore[IAC001, dead-letter-queue]\nb\n# iacfix: ignore\n")
    assert [(m.line, m.names) for m in sup.marks] == [(1, {"iac001", "dead-letter-queue"}), (3, None)]


def test_parse_error_is_one_line():
    res = run("AWSTemplateFormatVersion: x\nResources: {\n")
    assert res.error.startswith("invalid YAML") and "\n" not in res.error
    assert res.error_line == 3


def test_apply_edits_and_conflicts():
    assert apply_edits("abcdef", [Edit(4, 6, "X"), Edit(0, 1, "")]) == "bcdX"
    assert apply_edits("ab", [Edit(1, 1, "1"), Edit(1, 1, "2")]) == "a12b"
    assert edits_conflict([Edit(0, 3, "")], [Edit(2, 4, "")])
    assert edits_conflict([Edit(2, 2, "x")], [Edit(2, 2, "y")])
    # edits that meet conflict: which applies first decides what the other means
    assert edits_conflict([Edit(0, 2, "")], [Edit(2, 4, "")])
    assert edits_conflict([Edit(0, 5, "realigned")], [Edit(5, 5, "inserted after")])
    assert not edits_conflict([Edit(0, 2, "")], [Edit(3, 4, "")])


def test_new_unfixable_finding_rejects_the_fix():
    text = TEMPLATE + "  SpawnQ:\n    Type: AWS::SQS::Queue\n"
    res = run(text, cms=[toy.SPAWN, toy.UNFIXABLE])
    assert res.new is None
    assert "introduces a new finding: TOY004" in res.failed[0].reason


def test_new_finding_of_a_rule_already_unfixable_in_the_file_is_accepted():
    text = TEMPLATE + "  ReportQ:\n    Type: AWS::SQS::Queue\n  SpawnQ:\n    Type: AWS::SQS::Queue\n"
    res = run(text, cms=[toy.SPAWN, toy.UNFIXABLE])
    assert res.failed == []
    assert "  ReportSpawnQCopy:\n" in res.new
    assert sorted(f.gap.resource_name for f in res.remaining) == ["ReportQ", "ReportSpawnQCopy"]


def test_new_finding_of_an_unsafe_only_codemod_is_accepted_with_or_without_its_fix():
    text = TEMPLATE + "  SpawnQ:\n    Type: AWS::SQS::Queue\n"
    res = run(text, cms=[toy.SPAWN, toy.RENAME])
    assert res.failed == []
    assert "  ReportSpawnQCopy:\n" in res.new
    assert [(f.rule, f.gap.unsafe) for f in res.remaining] == [("TOY006", True)]
    # without a fix (a CDK stack has no environment suffix to add to a name): still the
    # owner's call, reported as it is
    res = run(text, cms=[toy.SPAWN, toy.RENAME_UNFIXABLE])
    assert res.failed == []
    assert "  ReportSpawnQCopy:\n" in res.new
    assert [(f.rule, f.fixable) for f in res.remaining] == [("TOY007", False)]
    # the same finding from a codemod whose fixes are not all unsafe still rejects the fix
    import dataclasses

    res = run(text, cms=[toy.SPAWN, dataclasses.replace(toy.RENAME, unsafe_only=False)])
    assert res.new is None and "introduces a new finding: TOY006" in res.failed[0].reason


def test_one_bad_fix_does_not_slow_the_others(monkeypatch):
    import iacfix.engine as engine

    monkeypatch.setattr(engine, "MAX_PASSES", 1)
    text = TEMPLATE + "  Other:\n    Type: AWS::SQS::Queue\n  BrokenQ:\n    Type: AWS::SQS::Queue\n    Properties: {A: 1}\n"
    res = run(text, cms=[toy.RETENTION, toy.BROKEN])
    assert sorted(f.gap.resource_name for f in res.fixed) == ["Orders", "Other"]
    assert [f.finding.gap.resource_name for f in res.failed] == ["BrokenQ"]


def test_the_pass_index_of_planned_edits_agrees_with_edits_conflict():
    # the fix loop asks the index instead of comparing with every planned fix (quadratic)
    import random


    rng = random.Random(5)
    for _ in range(2000):
        taken, planned = _Taken(), []
        for _ in range(rng.randint(1, 12)):
            reads = rng.choice([None, None, (rng.randint(0, 40), rng.randint(40, 70))])  # an aligned run read
            es = sorted((Edit(a, a + rng.choice([0, 0, 1, 3, 6]), "x", None, reads)
                         for a in (rng.randint(0, 60) for _ in range(rng.randint(1, 3)))),
                        key=lambda e: (e.start, e.end))
            if any(x.end > y.start for x, y in zip(es, es[1:])):
                continue  # one fix's own edits never overlap (apply_edits refuses them)
            want = any(edits_conflict(es, other) for other in planned)
            assert taken.conflicts({"f": es}) == want, (es, planned)
            if not want:
                planned.append(es)
                taken.add({"f": es})


def test_the_engine_collects_garbage_at_a_pace_fit_for_parse_trees():
    """Python's default thresholds re-scan every parse tree built so far again and again
    (fixing a 380 kB Terraform file spent more than half its time in the collector):
    running the engine raises them, and never lowers an embedding program's own."""
    import gc


    old = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        _deep(lambda: None)
        assert gc.get_threshold() == GC_THRESHOLDS
        assert GC_THRESHOLDS[0] >= 10_000
        gc.set_threshold(GC_THRESHOLDS[0] * 2, 50, 200)
        _deep(lambda: None)
        assert gc.get_threshold() == (GC_THRESHOLDS[0] * 2, 50, 200)
        gc.disable()
        gc.set_threshold(0)
        _deep(lambda: None)
        assert gc.get_threshold()[0] == 0
    finally:
        gc.enable()
        gc.set_threshold(*old)


def test_fixes_made_let_go_of_the_tree_of_their_pass():
    """Each fix closure holds the parsed module of its pass: kept in the results, every
    pass's trees stayed alive to the end of the module (memory, and the collector walking
    them again and again). Made (or failed), a finding keeps being reported as fixable."""
    from pathlib import Path

    import iacfix.codemods as codemods
    from iacfix.transforms.terraform import TfDoc

    src = (Path(__file__).resolve().parent.parent / "golden/dead-letter-queue/terraform/gap/input.tf").read_text()
    res = process_source(SourceText.from_string(src), "terraform", "main.tf",
                         Settings(codemods=codemods.CATALOG, fix=True))
    assert res.fixed
    for f in res.fixed:
        assert f.fixable
        cells = [c.cell_contents for c in (f.gap.fix.__closure__ or ())]
        assert not any(isinstance(c, TfDoc) for c in cells), f.rule


def test_ranked_insertions_at_one_offset_go_in_one_pass_in_rank_order():
    """Fixes inserting at one offset wait for the next pass (a re-parse each), unless each
    is placed by rank (``Edit.rank``): then they join where their ranks in one mapping do
    not overlap, applied in rank order, what goes into a nested mapping first."""

    taken = _Taken()
    a = Edit(10, 10, "A", rank=(0, 3, 4))
    taken.add({"f": [a]})
    assert taken.conflicts({"f": [Edit(10, 10, "B", rank=(0, 4, 6))]})  # overlapping ranks
    assert taken.conflicts({"f": [Edit(10, 10, "U")]})  # an insertion placed by no rank
    assert taken.conflicts({"f": [Edit(9, 10, "R", rank=(0, 7, 7))]})  # not an insertion
    assert taken.conflicts({"g": [Edit(10, 10, "B", rank=(0, 7, 7))]}) is False  # another file
    b, inner = Edit(10, 10, "B", rank=(0, 0, 1)), Edit(10, 10, "I", rank=(5, 9, 9))
    for e in (b, inner):
        assert not taken.conflicts({"f": [e]})
        taken.add({"f": [e]})
    planned = [(None, {"f": [a]}), (None, {"f": [b]}), (None, {"f": [inner]})]
    assert apply_edits("0123456789xyz", [e for _, e in _ordered(planned)["f"]]) == "0123456789IBAxyz"

    # an offset where one fix made two insertions keeps that fix's order: nothing joins it,
    # and a fix with two insertions at one offset joins no other
    taken = _Taken()
    taken.add({"f": [Edit(4, 4, "X", rank=(0, 1, 1)), Edit(4, 4, "Y", rank=(2, 5, 5))]})
    assert taken.conflicts({"f": [Edit(4, 4, "Z", rank=(0, 3, 3))]})
    taken = _Taken()
    taken.add({"f": [Edit(4, 4, "Z", rank=(0, 3, 3))]})
    assert taken.conflicts({"f": [Edit(4, 4, "Y", rank=(2, 5, 5)), Edit(4, 4, "X", rank=(0, 1, 1))]})


def test_the_lines_a_fix_wrote_are_found_where_its_joined_insertion_landed():
    """Blame (which fix wrote the lines of a new finding) reads the edits in the order they
    were applied: an inner mapping's insertion goes first, whatever the fixes' order."""

    class F:
        def __init__(self, key):
            self.path, self.key = "f", key

    outer, inner = Edit(2, 2, "O1\nO2\n", rank=(0, -1, 9)), Edit(2, 2, "I\n", rank=(5, -1, 9))
    planned = [(F("outer"), {"f": [outer]}), (F("inner"), {"f": [inner]})]
    text = apply_edits("a\nb\n", [e for _, e in _ordered(planned)["f"]])
    assert text == "a\nI\nO1\nO2\nb\n"
    assert _edited_lines(text, planned, "f") == [(_key(F("inner")), 2, 3), (_key(F("outer")), 3, 5)]


def test_a_cloudformation_fix_joining_insertions_writes_what_one_per_pass_writes(monkeypatch):
    """The golden stacks fixed with joined insertions are the files fixing with one
    insertion per offset and pass gives, in fewer verifications (re-parses)."""

    calls = []
    verify = engine._verify
    monkeypatch.setattr(engine, "_verify", lambda *a, **k: calls.append(1) or verify(*a, **k))

    def fix(case):
        calls.clear()
        text = SourceText.from_string(case.input.read_text())
        r = process_source(text, "cloudformation", case.input.name, case.settings())
        assert r.new is not None and not r.failed, case.id
        return r.new, len(calls)

    stacks = [c for c in golden.cases() if c.slug == "stacks" and c.language == "cloudformation"]
    assert stacks
    counts = []
    for case in stacks:
        joined, fewer = fix(case)
        with monkeypatch.context() as m:
            m.setattr(engine._Taken, "_joins", lambda *a: False)
            apart, more = fix(case)
        assert joined == apart, case.id
        counts.append((case.id, fewer, more))
    assert all(f <= m for _, f, m in counts) and sum(f for _, f, _ in counts) < sum(m for _, _, m in counts), counts
