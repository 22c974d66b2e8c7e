"""The ``iacfix`` command line.

Exit codes (as ruff has them): ``check`` 0 = no findings, 1 = findings or a file
that could not be processed, 2 = usage or configuration error. ``fix --dry-run``
1 when there is a diff or a path that could not be processed (missing, unreadable,
unparsable), 0 when neither. ``fix`` 0 when nothing is left to fix and every file
was processed, 1 otherwise.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from typing import TYPE_CHECKING, Optional
from pathlib import Path

import click

from iacfix import __version__

if TYPE_CHECKING:
    from iacfix.settings import Run

# The engine, the catalog and the parsers are imported when a command runs, not when the
# command line is read: `iacfix --version` and `--help` stay instant, and a run imports
# the parsers and detectors of the languages it meets only (scripts/bench.py --startup).
# Severities, as codemods/spec.py SEVERITIES (tests/test_startup.py holds them equal).
SEVERITY_CHOICES = ("low", "medium", "high")

USAGE_ERROR = 2

# Commands defined elsewhere, imported when named (``pr`` brings the GitHub client).
LAZY_COMMANDS = {"pr": ("iacfix.bot", "pr_command")}


class _DefaultFix(click.Group):
    """``iacfix --dry-run PATH`` means ``iacfix fix --dry-run PATH``; a bare ``iacfix PATH``
    means ``iacfix check PATH``: without a subcommand nothing is ever written."""

    def list_commands(self, ctx):
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, attr = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)

    def parse_args(self, ctx, args):
        if (args and args[0] not in self.commands and args[0] not in LAZY_COMMANDS
                and args[0] not in ("--help", "-h", "--version")):
            args = ["fix" if ("--dry-run" in args or "--diff" in args) else "check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:  # `iacfix rules | head`: the reader left; stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush does not fail again
            sys.exit(1)
        except Exception as e:  # a bug: one line, not a traceback (IACFIX_DEBUG=1 shows it)
            if os.environ.get("IACFIX_DEBUG"):
                raise
            click.echo(f"iacfix: internal error: {type(e).__name__}: {e} (set IACFIX_DEBUG=1 for details)", err=True)
            sys.exit(USAGE_ERROR)


def _fail(msg: str) -> None:
    click.echo(f"iacfix: error: {msg}", err=True)
    sys.exit(USAGE_ERROR)


def _run(select, ignore, config, unsafe_fixes, fix, force_exclude) -> Run:
    from iacfix.settings import Run, UsageError

    try:
        return Run(select, ignore, config, unsafe_fixes, fix, force_exclude)
    except UsageError as e:
        _fail(str(e))


def _run_paths(paths, run: Run, jobs, progress, skipped, stdin_name=None):
    """Every file with the configuration nearest to it; a configuration mistake found on
    the way (a nested file) is a usage error, before any IaC file is read. ``stdin_name``:
    the file is read from standard input instead, as if it were that file."""
    from iacfix.runner import run_paths
    from iacfix.settings import UsageError

    try:
        if stdin_name is not None:
            return _run_stdin(stdin_name, run, skipped)
        return run_paths(paths, None, jobs=jobs, progress=progress, skipped=skipped, run=run, cache_dir=_cache_dir())
    except UsageError as e:
        _fail(str(e))


def _stdin_name(paths, stdin_filename) -> Optional[str]:
    """The name the file on standard input goes by (``-``: it is there), else None."""
    if list(paths) == ["-"] or (stdin_filename and not paths):
        return stdin_filename or "-"
    if "-" in paths:
        _fail("`-` (standard input) is the only path when given")
    if stdin_filename:
        _fail("--stdin-filename names the file on standard input: give `-` (or no path) with it")
    return None


def _run_stdin(name: str, run: Run, skipped):
    """The file on standard input, processed alone as if it were ``name`` (whose
    configuration, language and excludes hold; a name it is excluded by gives nothing)."""
    from iacfix.core import FileResult
    from iacfix.engine import _deep, process_source
    from iacfix.sources import SourceError, SourceText, detect_language

    data = sys.stdin.buffer.read()
    _STDIN["original"] = data  # what goes back out when nothing is fixed, byte for byte
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [FileResult(path=name, error=f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})")], []
    src = SourceText.from_string(raw)
    if name != "-" and run.excluded(name, named=True):
        return [], []
    if name == "-":  # no name: by content alone (a template, a CDK or Pulumi program, CDK Go)
        language = next(filter(None, (detect_language(Path("-" + sfx), src.text) for sfx in (".yaml", ".py", ".go"))),
                        None)
    else:
        language = detect_language(Path(name), src.text)
    if language is None:
        skipped.append(name)
        return [], []
    try:
        res = _deep(process_source, src, language, name, run.settings(name))
    except SourceError as e:
        res = FileResult(path=name, error=str(e))
    return [res], []


_STDIN: dict = {}


SKIPPED = "note: skipped: not a CloudFormation template, Terraform file, or CDK/Pulumi program"

STYLES = {"path": {"bold": True}, "rule": {"fg": "red", "bold": True}, "fix": {"fg": "cyan"}}


def colour() -> Optional[bool]:
    """Colour on: ``FORCE_COLOR`` set forces it, ``NO_COLOR`` set (https://no-color.org)
    turns it off; otherwise None, which lets click colour a terminal and nothing else."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


def style(text: str, kind: str) -> str:
    return text if colour() is False else click.style(text, **STYLES[kind])


def links() -> bool:
    """Terminal hyperlinks only where colour goes to a terminal (click strips colour, not
    links, from what is not one)."""
    c = colour()
    return c is True or (c is None and sys.stdout.isatty())


def _echo(text: str, err: bool = False) -> None:
    click.echo(text, nl=False, err=err, color=colour())


def _print_errors(results, errors, skipped=()) -> int:
    """Errors on stderr, one line each; returns how many. Files named on the command line
    that are not IaC get a note, which is not an error, only when nothing named was IaC
    (pre-commit names every changed file: a note for each would drown the findings)."""
    from iacfix import report

    if not results:
        for path in skipped:
            click.echo(f"{path}: {SKIPPED}", err=True)
    unsupported = [r for r in results if r.unsupported]
    if unsupported:  # one line: a tree of CDK v1 apps would otherwise read as clean
        many = f" (and {len(unsupported) - 1} more such files)" if len(unsupported) > 1 else ""
        click.echo(f"{unsupported[0].path}: note: not checked: {unsupported[0].unsupported}{many}", err=True)
    n = 0
    for path, reason in errors:
        click.echo(report.error_line(path, reason), err=True)
        n += 1
    for r in results:
        if r.error:
            click.echo(report.error_line(r.path, r.error, r.error_line), err=True)
            n += 1
    return n


_common = [
    click.argument("paths", nargs=-1, type=click.Path()),
    click.option("--select", multiple=True, help="Only these codemods (ids, slugs or Checkov ids, comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these codemods (ids, slugs or Checkov ids, comma-separated)."),
    click.option("--config", type=click.Path(), help="Configuration file for every file (default: the nearest one to each file)."),
    click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change an explicit value."),
    click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None, help="Parallel workers (default: the CPUs iacfix may use)."),
    click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal)."),
    click.option("--force-exclude/--no-force-exclude", "force_exclude", default=None,
                 help="Apply exclude and .gitignore to files named on the command line too (default: on)."),
    click.option("--stdin-filename", "stdin_filename", default=None,
                 help="With `-` as the path: the name of the file on standard input (its language, configuration)."),
    click.option("--no-cache", "no_cache", is_flag=True, expose_value=False, callback=lambda ctx, _p, v: _no_cache(ctx, v),
                 help="Process every file, even one whose results are cached (`iacfix clean` empties the cache)."),
]


def _no_cache(ctx, value: bool) -> None:
    ctx.meta["iacfix.no_cache"] = value


def _cache_dir() -> Optional[str]:
    """The results cache of this run (``iacfix.cache``), None when it is off."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("iacfix.no_cache"):
        return None
    from iacfix.cache import default_dir

    d = default_dir()
    return str(d) if d is not None else None


def common(f):
    for deco in reversed(_common):
        f = deco(f)
    return f


@click.group(cls=_DefaultFix, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iacfix")
def main():
    """Fix production gaps in CDK, Pulumi, CloudFormation and Terraform code, in its own style."""


@main.command()
@common
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "markdown"]), default="text",
              help="github: workflow annotations; markdown: a table for a job summary.")
@click.option("--output-file", type=click.Path(dir_okay=False, writable=True),
              help="Write the report (json, sarif, github, markdown) to this file instead of stdout.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Count the findings per codemod instead of listing them.")
@click.option("--fail-on", "fail_on", type=click.Choice(SEVERITY_CHOICES), default=None,
              help="Exit 1 only for findings of this severity or higher (`iacfix rules` shows each codemod's).")
@click.option("--report-unused-suppressions", "report_unused", is_flag=True,
              help="Also report iacfix suppressions that suppress nothing (exit 1 when there are).")
@click.option("--create-baseline", "create_baseline", type=click.Path(dir_okay=False),
              help="Record every finding in FILE (JSON) and exit 0: a later --baseline FILE reports only new ones.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Do not report the findings recorded in FILE by --create-baseline; new ones are reported.")
def check(paths, select, ignore, config, unsafe_fixes, jobs, progress, force_exclude, stdin_filename, fmt,
          output_file, exit_zero, statistics, fail_on, report_unused, create_baseline, baseline_file):
    """List findings as path:line:col: ID slug message (`-`: the file on standard input)."""
    with _interruptible(None, None):
        _check(paths, select, ignore, config, unsafe_fixes, jobs, progress, fmt, exit_zero, report_unused,
               create_baseline, baseline_file, force_exclude, statistics, fail_on, stdin_filename, output_file)


def _emit(text: str, output_file: Optional[str]) -> None:
    """The machine-readable report, to stdout or (``--output-file``) written whole to a file."""
    if output_file is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output_file, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as e:
        _fail(f"--output-file {output_file}: {e.strerror or e}")


def _check(paths, select, ignore, config, unsafe_fixes, jobs, progress, fmt, exit_zero, report_unused=False,
           create_baseline=None, baseline_file=None, force_exclude=None, statistics=False, fail_on=None,
           stdin_filename=None, output_file=None):
    if output_file and fmt == "text":
        _fail("--output-file writes a machine-readable report: add --format json, sarif, github or markdown")
    from iacfix import baseline, report
    from iacfix.codemods.spec import SEVERITIES

    stdin_name = _stdin_name(paths, stdin_filename)
    paths = paths or (".",)
    if create_baseline and baseline_file:
        _fail("--create-baseline and --baseline do not go together: create the baseline, then check against it")
    known = None
    if baseline_file:
        try:
            known = baseline.read(Path(baseline_file))
        except baseline.BaselineError as e:
            _fail(str(e))
    # SARIF carries each finding's fix, so its fixes are computed (never written).
    run = _run(select, ignore, config, unsafe_fixes, (fmt == "sarif"), force_exclude)
    skipped: list = []
    results, errors = _run_paths(paths, run, jobs, progress, skipped, stdin_name)
    n_err = _print_errors(results, errors, skipped)
    if create_baseline:
        n = baseline.write(Path(create_baseline), [f for r in results for f in r.findings])
        click.echo(f"Wrote {n} finding{'s' if n != 1 else ''} to the baseline {create_baseline}.", err=True)
        sys.exit(1 if n_err else 0)  # a file that could not be read is missing from the baseline
    n_known = 0
    if known is not None:
        base = Path(baseline_file).parent
        for r in results:
            r.findings, old = baseline.split(r.findings, known, base)
            n_known += len(old)
    findings = [f for r in results for f in r.findings]
    if statistics and fmt in ("text", "json"):
        stats = report.statistics(findings)
        if fmt == "json":
            _emit(json.dumps(stats, indent=2) + "\n", output_file)
        else:
            _echo(report.statistics_text(stats, style))
    elif fmt == "json":
        _emit(report.to_json(findings), output_file)
    elif fmt == "sarif":
        errs = list(errors) + [(r.path, r.error) for r in results if r.error]
        _emit(report.sarif(results, errs), output_file)
    elif fmt == "github":
        _emit(report.github(findings), output_file)
    elif fmt == "markdown":
        _emit(report.job_summary(findings), output_file)
    else:
        _echo(report.text(findings, style, links()))
        click.echo(report.suppressed_notes(results), nl=False)
    unused = report.unused_suppressions(results) if report_unused else []
    for ln in unused:  # on stderr in the machine formats, which have no place for them
        click.echo(ln, err=fmt != "text")
    if fmt == "text":
        click.echo(report.summary(findings), nl=False)
        if n_known:
            click.echo(f"{n_known} finding{'s' if n_known != 1 else ''} in the baseline {baseline_file} not shown.")
        if unused:
            click.echo(f"Found {len(unused)} unused suppression{'s' if len(unused) != 1 else ''}.")
    if exit_zero:
        sys.exit(0)
    if fail_on is not None:
        least = SEVERITIES.index(fail_on)
        findings = [f for f in findings if SEVERITIES.index(report.severity(f.rule)) >= least]
    sys.exit(1 if findings or n_err or unused else 0)


class _Terminated(Exception):
    pass


@contextlib.contextmanager
def _interruptible(written: Optional[list], pending: Optional[list]):
    """SIGINT (Ctrl-C) or SIGTERM: stop, say what was written and what not (``written``
    None: a command that writes nothing), and exit 130 or 143 as a shell does. A file
    being written is finished first (write_atomic holds the signals) so no file is left
    half written; pool workers are stopped by the runner on the way out."""

    def terminate(signum, frame):
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, terminate) if hasattr(signal, "SIGTERM") else None
    try:
        yield
    except (KeyboardInterrupt, _Terminated) as e:
        if written is None:
            click.echo("iacfix: interrupted", err=True)
        else:
            left = len([r for r in pending if r not in written])
            click.echo(f"iacfix: interrupted; {len(written)} file{'s' if len(written) != 1 else ''} written, "
                       f"{left} not", err=True)
        sys.exit(130 if isinstance(e, KeyboardInterrupt) else 143)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


@main.command()
@common
@click.option("--dry-run", "--diff", "dry_run", is_flag=True, help="Print a unified diff; write nothing.")
@click.option("--show-fixes", is_flag=True, help="List what was fixed (with --dry-run: would be), per file and codemod.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain or there is a diff.")
def fix(paths, select, ignore, config, unsafe_fixes, jobs, progress, force_exclude, stdin_filename, dry_run,
        show_fixes, exit_zero):
    """Fix findings in place (or print the patch with --dry-run; `-`: the file on standard
    input, fixed, on standard output)."""
    written: list = []
    changed: list = []
    with _interruptible(written, changed):
        _fix(paths, select, ignore, config, unsafe_fixes, jobs, progress, dry_run, written, changed, force_exclude,
             show_fixes, exit_zero, stdin_filename)


def _fix(paths, select, ignore, config, unsafe_fixes, jobs, progress, dry_run, written, changed, force_exclude=None,
         show_fixes=False, exit_zero=False, stdin_filename=None):
    stdin_name = _stdin_name(paths, stdin_filename)
    from iacfix import report
    from iacfix.patch import ChangedOnDisk, unified_diff, write_atomic

    paths = paths or (".",)
    run = _run(select, ignore, config, unsafe_fixes, True, force_exclude)
    skipped: list = []
    results, errors = _run_paths(paths, run, jobs, progress, skipped, stdin_name)
    n_err = _print_errors(results, errors, skipped)
    changed.extend(r for r in results if r.changed)
    for r in results:
        for ff in r.failed:
            g = ff.finding.gap
            click.echo(f"{r.path}:{g.line}:{g.column}: {ff.finding.rule} could not fix: {ff.reason}", err=True)
    if dry_run:
        for r in sorted(changed, key=lambda r: r.path):
            sys.stdout.write(unified_diff(r.original, r.new, r.path))
        sys.stdout.flush()
        if show_fixes:
            _echo(report.fixes_text(changed, style), err=True)
        n, m = sum(len(r.fixed) for r in changed), len(changed)
        n_left = sum(len(r.remaining) for r in results)
        left = f"; {n_left} would remain" if n_left > 0 else ""
        click.echo(f"Would fix {n} finding{'s' if n != 1 else ''} in {m} file{'s' if m != 1 else ''}{left}.", err=True)
        # A CI gate on the diff must not pass on a typo'd path or a broken file.
        sys.exit(0 if exit_zero else 1 if changed or n_err else 0)
    if stdin_name is not None:  # the file, fixed (or as it came), on standard output; nothing is written
        out = changed[0].new.encode("utf-8") if changed else _STDIN.get("original", b"")
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
        written.extend(changed)
    for r in changed if stdin_name is None else ():
        try:
            write_atomic(Path(r.source or r.path), r.new, expected_original=r.original.encode("utf-8"))
            written.append(r)
        except ChangedOnDisk as e:
            click.echo(report.error_line(r.path, str(e)), err=True)
            n_err += 1
        except OSError as e:
            reason = e.strerror or (e.args[0] if e.args else str(e))
            click.echo(report.error_line(r.path, f"cannot write: {reason.lower()}"), err=True)
            n_err += 1
    n_fixed = sum(len(r.fixed) for r in written)  # only what is in a file now
    n_unwritten = sum(len(r.fixed) for r in changed if r not in written)
    remaining = report.all_findings(results)
    unfixable = [f for r in results for f in r.remaining
                 if not f.fixable or (f.gap.unsafe and not run.settings(r.source or r.path).unsafe_fixes)]
    n_failed = sum(len(r.failed) for r in results)
    _echo(report.text(remaining, style), err=True)
    if show_fixes:
        _echo(report.fixes_text(written, style), err=True)
    unwritten = f"{n_unwritten} fix{'es' if n_unwritten != 1 else ''} not written; " if n_unwritten else ""
    n_files = len(written)
    click.echo(
        f"Fixed {n_fixed} finding{'s' if n_fixed != 1 else ''} in {n_files} file{'s' if n_files != 1 else ''}; "
        f"{unwritten}{len(unfixable)} not fixable; {n_failed} failed verification.",
        err=True,
    )
    sys.exit(0 if exit_zero else 1 if remaining or n_err else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules(fmt):
    """List the codemods."""
    import json

    import iacfix.codemods as codemods

    if fmt == "json":
        click.echo(json.dumps([
            {"id": c.id, "slug": c.slug, "title": c.title, "languages": list(c.languages),
             "unsafe_fixes": bool(c.unsafe_note), "unsafe_only": c.unsafe_only, "checkov": list(c.checkov),
             "severity": c.severity,
             "params": {p.name: p.default for p in c.params}}
            for c in codemods.CATALOG
        ], indent=2))
        return
    for c in codemods.CATALOG:
        langs = ", ".join(c.languages)
        click.echo(f"{c.id}  {c.slug:<24} {c.title}")
        click.echo(f"        languages: {langs}; fix: {c.safety}; severity: {c.severity}")


def toml_value(v) -> str:
    """``v`` written as TOML (what `iacfix explain` prints can be pasted into pyproject.toml)."""
    import json
    import re

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)  # a JSON string is a TOML basic string
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = (k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else json.dumps(k) for k in v)
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in zip(keys, v.values())) + " }" if v else "{}"
    raise TypeError(f"no TOML form for {type(v).__name__}")


@main.command()
def clean():
    """Empty the results cache (where: IACFIX_CACHE_DIR, else XDG_CACHE_HOME/iacfix or ~/.cache/iacfix)."""
    from iacfix.cache import clean as clean_cache, default_dir

    d = default_dir()
    if d is None:
        click.echo("iacfix: the cache is off (IACFIX_NO_CACHE): nothing to clean", err=True)
        return
    removed = clean_cache(d)
    click.echo(f"Removed the cache in {d}." if removed else f"No cache in {d}.", err=True)


@main.command()
@click.argument("name")
def explain(name):
    """Explain a codemod: rationale, parameters and an example."""
    import iacfix.codemods as codemods
    from iacfix import golden

    c = codemods.lookup(name)
    if c is None:
        _fail(f"unknown codemod {name!r}; see `iacfix rules`")
    click.echo(f"{c.id} {c.slug}: {c.title}\n")
    click.echo(c.rationale + "\n")
    click.echo(f"Languages: {', '.join(c.languages)}")
    if c.checkov:
        click.echo(f"Checkov: {', '.join(c.checkov)}")
        for check, gaps in c.checkov_gaps.items():
            for language, why in gaps.items():
                click.echo(f"  {check} in {language} may still fail after the fix: {why}")
    if c.cfn_nag:
        click.echo(f"cfn_nag: {', '.join(c.cfn_nag)}")
    if c.cdk_nag:
        click.echo(f"cdk-nag: {', '.join(c.cdk_nag)}")
    if c.cfn_lint:
        click.echo(f"cfn-lint: {', '.join(c.cfn_lint)}")
    if c.unsafe_note:
        click.echo(f"Unsafe fixes: {c.unsafe_note}")
    if c.params:
        click.echo("\nParameters ([tool.iacfix." + c.slug + "]):")
        for p in c.params:
            key = p.name.replace('_', '-')
            line = f"# {key} = (unset: no default)" if p.default is None else f"{key} = {toml_value(p.default)}"
            click.echo(f"  {line}\n      {p.help}\n      accepts: {p.expected()}")
    for case in golden.cases():
        if case.slug == c.slug and case.name == "gap" and case.expected_diff.exists():
            click.echo(f"\nExample ({case.language}):\n")
            click.echo(case.expected_diff.read_text(encoding="utf-8"), nl=False)
            break


if __name__ == "__main__":  # pragma: no cover
    main()
