"""The module is the unit of analysis: files read together, facts across files,
edits in another file of the module, verification of the whole module."""

from __future__ import annotations

from pathlib import Path

from iacfix.codemods.spec import Codemod
from iacfix.core import Edit, Gap, module_cache, module_docs
from iacfix.engine import ModuleFile, Settings, process_files, process_module
from iacfix.modules import group, module_key
from iacfix.sources import Candidate, SourceText


def _declares(doc, name):
    return any(b.labels and b.labels[0] == name for b in doc.blocks_of("variable"))


def detect_suffix(doc, ctx):
    """Toy: every queue needs `# suffix: <var>` before it; <var> is the module's variable
    `suffix`, declared in any file; without one, the fix declares it in vars.tf."""
    cache = module_cache(doc)
    if "declared" not in cache:
        cache["declared"] = [p for p, d in module_docs(doc) if _declares(d, "suffix")]
    declared = cache["declared"]
    for q in doc.resources("aws_sqs_queue"):
        line_text = doc.lines.line_text(q.line - 1) if q.line > 1 else ""
        if "# suffix" in line_text:
            continue
        at = doc.lines.line_start(q.line)

        def fix(at=at, declared=declared):
            edits = [Edit(at, at, "# suffix: var.suffix\n")]
            if not declared:
                vars_path = next((p for p, _ in module_docs(doc) if p.endswith("vars.tf")), None)
                if vars_path is None:
                    raise AssertionError("no vars.tf in the module")
                vdoc = dict(module_docs(doc))[vars_path]
                end = len(vdoc.text)
                edits.append(Edit(end, end, 'variable "suffix" {}\n', path=vars_path))
            return edits

        yield Gap(q.line, 1, q.end_line, "aws_sqs_queue", q.labels[1], "queue without suffix", fix=fix)


def detect_needs_variable(doc, ctx):
    """Toy: each file reports 'no suffix variable' until one exists somewhere in the module (unfixable)."""
    if not any(_declares(d, "suffix") for _, d in module_docs(doc)):
        yield Gap(1, 1, 1, "module", "suffix", "the module has no suffix variable")


SUFFIX = Codemod("TOY101", "toy-suffix", "toy", "toy", detectors={"terraform": detect_suffix})
NEEDS = Codemod("TOY102", "toy-needs", "toy", "toy", detectors={"terraform": detect_needs_variable})

QUEUE = 'resource "aws_sqs_queue" "%s" {\n  name = "%s"\n}\n'


def run(files, cms, fix=True):
    mods = [ModuleFile(p, SourceText.from_string(t), member) for p, t, member in files]
    return {r.path: r for r in process_module(mods, "terraform", Settings(codemods=cms, fix=fix))}


def test_a_fact_from_another_file_is_seen():
    res = run([("main.tf", QUEUE % ("a", "a"), True), ("vars.tf", 'variable "suffix" {}\n', True)], [SUFFIX])
    assert res["main.tf"].new == "# suffix: var.suffix\n" + QUEUE % ("a", "a")
    assert res["vars.tf"].new is None


def test_a_fix_may_edit_another_file_of_the_module_and_is_verified_there():
    res = run([("main.tf", QUEUE % ("a", "a"), True), ("vars.tf", "# variables\n", True)], [SUFFIX])
    assert [f.gap.resource_name for f in res["main.tf"].fixed] == ["a"]
    assert res["vars.tf"].new == '# variables\nvariable "suffix" {}\n'


def test_files_that_read_the_module_are_detected_again_when_another_file_changes():
    # other.tf's finding depends on vars.tf; the fix of main.tf's queue declares the
    # variable in vars.tf, so other.tf's finding goes away without other.tf changing.
    files = [("main.tf", QUEUE % ("a", "a"), True), ("other.tf", "# nothing\n", True), ("vars.tf", "\n", True)]
    res = run(files, [SUFFIX, NEEDS])
    assert [f.gap.message for f in res["other.tf"].findings] == ["the module has no suffix variable"]
    assert res["vars.tf"].new == '\nvariable "suffix" {}\n' and res["other.tf"].new is None
    assert [f.gap.message for r in res.values() for f in r.remaining] == []


def test_context_files_are_read_but_not_reported():
    res = run([("main.tf", QUEUE % ("a", "a"), True), ("b.tf", QUEUE % ("b", "b"), False),
               ("vars.tf", 'variable "suffix" {}\n', False)], [SUFFIX])
    assert set(res) == {"main.tf"}  # b.tf's own finding is not reported, vars.tf unchanged


def test_a_fix_that_would_edit_a_read_only_context_file_fails_cleanly():
    mods = [ModuleFile("main.tf", SourceText.from_string(QUEUE % ("a", "a"))),
            ModuleFile("vars.tf", SourceText.from_string("\n"), member=False, writable=False)]
    (r,) = process_module(mods, "terraform", Settings(codemods=[SUFFIX], fix=True))
    assert r.new is None and "may not change" in r.failed[0].reason


def test_a_file_that_does_not_parse_leaves_the_module_with_its_error():
    res = run([("main.tf", QUEUE % ("a", "a"), True), ("bad.tf", "resource {\n", True),
               ("vars.tf", 'variable "suffix" {}\n', True)], [SUFFIX])
    assert res["bad.tf"].error and res["main.tf"].new.startswith("# suffix")


def test_grouping(tmp_path: Path):
    (tmp_path / "tf").mkdir()
    for n in ("main.tf", "vars.tf"):
        (tmp_path / "tf" / n).write_text("\n")
    app = tmp_path / "app"
    (app / "stacks").mkdir(parents=True)
    (app / "cdk.json").write_text("{}")
    (app / "app.py").write_text("\n")
    (app / "stacks" / "__init__.py").write_text("\n")
    (app / "stacks" / "s.py").write_text("\n")
    (tmp_path / "t.yaml").write_text("\n")
    assert module_key(app / "stacks" / "s.py") == module_key(app / "app.py")
    assert module_key(tmp_path / "tf" / "main.tf") == module_key(tmp_path / "tf" / "vars.tf")
    # a named file brings its module along as context
    (m,) = group([Candidate(tmp_path / "tf" / "main.tf", str(tmp_path / "tf" / "main.tf"), explicit=True)])
    assert [(Path(p).name, member) for p, _, member, _ in m] == [("main.tf", True), ("vars.tf", False)]
    (m,) = group([Candidate(app / "app.py", str(app / "app.py"), explicit=True)], exclude=["*/__init__.py", "__init__.py"])
    assert [(Path(p).name, member, writable) for p, _, member, writable in m] == [
        ("app.py", True, True), ("__init__.py", False, False), ("s.py", False, True)]


def test_process_files_reads_a_module_from_disk(tmp_path: Path):
    (tmp_path / "main.tf").write_text(QUEUE % ("a", "a"))
    (tmp_path / "vars.tf").write_text("\n")
    (m,) = group([Candidate(tmp_path / "main.tf", str(tmp_path / "main.tf"), explicit=True)])
    results, skipped = process_files(m, Settings(codemods=[SUFFIX], fix=True))
    by_name = {Path(r.path).name: r for r in results}
    assert set(by_name) == {"main.tf", "vars.tf"}  # vars.tf is reported because the fix changed it
    assert by_name["vars.tf"].new == '\nvariable "suffix" {}\n'


def detect_mark(doc, ctx):
    """Toy: each queue needs a `# mark` line before it."""
    for q in doc.resources("aws_sqs_queue"):
        prev = doc.lines.line_text(q.line - 1) if q.line > 1 else ""
        if prev.startswith("# mark"):
            continue
        at = doc.lines.line_start(q.line)
        yield Gap(q.line, 1, q.end_line, "aws_sqs_queue", q.labels[1], "unmarked",
                  fix=lambda at=at, name=q.labels[1]: [Edit(at, at, f"# mark {name}\n")])


def detect_clash(doc, ctx):
    """Toy: marking both queues of a pair (q1 and q2, q3 and q4, ...) is a new, unfixable finding."""
    for i in range(1, 40, 2):
        if f"# mark q{i}\n" in doc.text and f"# mark q{i + 1}\n" in doc.text:
            yield Gap(1, 1, 1, "module", f"clash{i}", "a pair both marked")


def test_fixes_that_only_verify_apart_do_not_run_out_of_passes():
    mark = Codemod("TOY103", "toy-mark", "toy", "toy", detectors={"terraform": detect_mark})
    clash = Codemod("TOY104", "toy-clash", "toy", "toy", detectors={"terraform": detect_clash})
    text = "".join(QUEUE % (f"q{i}", f"q{i}") for i in range(1, 25))
    [res] = run([("main.tf", text, True)], [mark, clash]).values()
    # one queue of each of the twelve pairs is fixed (not one fix per pass, out of passes)
    assert len(res.fixed) == 12


# ------------------------------------------------------------------ packaging files
def _pins(doc, ctx):
    """Toy: one finding per packaging file the detector is shown, named after it."""
    for name, text in sorted(ctx.package_files().items()):
        yield Gap(1, 1, 1, "package", name, text.strip())


PINS = Codemod("TOY103", "toy-pins", "toy", "toy", detectors={"cdk": _pins, "terraform": _pins})
CDK_APP = "from aws_cdk import Stack\n"


def test_a_python_app_is_read_with_its_packaging_files(tmp_path: Path):
    app = tmp_path / "app"
    (app / "stacks").mkdir(parents=True)
    (app / "cdk.json").write_text("{}")
    (app / "requirements.txt").write_text("aws-cdk-lib==2.100.0\n")
    (app / "setup.py").write_text("from setuptools import setup\n")
    (app / "README.md").write_text("not a packaging file\n")
    (app / "stacks" / "__init__.py").write_text("\n")
    (app / "stacks" / "s.py").write_text(CDK_APP)
    (m,) = group([Candidate(app / "stacks" / "s.py", str(app / "stacks" / "s.py"), explicit=True)])
    results, _ = process_files(m, Settings(codemods=[PINS], fix=False))
    (r,) = [r for r in results if r.path.endswith("s.py")]
    assert [(f.gap.resource_name, f.gap.message) for f in r.findings] == [
        ("cdk.json", "{}"), ("requirements.txt", "aws-cdk-lib==2.100.0"), ("setup.py", "from setuptools import setup")]


def test_packaging_files_one_level_above_a_package_are_found(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('dependencies = ["aws-cdk-lib>=2.150"]\n')
    pkg = tmp_path / "infra"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("\n")
    (pkg / "stack.py").write_text(CDK_APP)
    (m,) = group([Candidate(pkg / "stack.py", str(pkg / "stack.py"), explicit=True)])
    results, _ = process_files(m, Settings(codemods=[PINS], fix=False))
    (r,) = [r for r in results if r.path.endswith("stack.py")]
    assert [f.gap.resource_name for f in r.findings] == ["pyproject.toml"]


def test_terraform_modules_have_no_packaging_files(tmp_path: Path):
    (tmp_path / "main.tf").write_text(QUEUE % ("a", "a"))
    (tmp_path / "requirements.txt").write_text("aws-cdk-lib==2.100.0\n")
    (m,) = group([Candidate(tmp_path / "main.tf", str(tmp_path / "main.tf"), explicit=True)])
    results, _ = process_files(m, Settings(codemods=[PINS], fix=False))
    assert [f for r in results for f in r.findings] == []
