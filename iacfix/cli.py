"""The ``iacfix`` command line.

Exit codes (as ruff has them): ``check`` 0 = no findings, 1 = findings or a file
that could not be processed, 2 = usage or configuration error. ``fix --dry-run``
1 when there is a diff or a path that could not be processed (missing, unreadable,
unparsable), 0 when neither. ``fix`` 0 when nothing is left to fix and every file
was processed, 1 otherwise.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Optional
from pathlib import Path

import click

from iacfix import __version__

if TYPE_CHECKING:
    from iacfix.config import Config
    from iacfix.engine import Settings

# The engine, the catalog and the parsers are imported when a command runs, not when the
# command line is read: `iacfix --version` and `--help` stay instant, and a run imports
# the parsers and detectors of the languages it meets only (scripts/bench.py --startup).

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


def _settings(paths, select, ignore, config, unsafe_fixes, fix) -> tuple[Settings, Config]:
    from iacfix.settings import UsageError, build_settings

    try:
        return build_settings(paths, select, ignore, config, unsafe_fixes, fix)
    except UsageError as e:
        _fail(str(e))


SKIPPED = "note: skipped: not a CloudFormation template, Terraform file, or CDK/Pulumi program"


def _print_errors(results, errors, skipped=()) -> int:
    """Errors on stderr, one line each; returns how many. Explicitly named files that are
    not IaC get a note, which is not an error."""
    from iacfix import report

    for path in skipped:
        click.echo(f"{path}: {SKIPPED}", err=True)
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
    click.option("--config", type=click.Path(), help="Configuration file (overrides discovery)."),
    click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change an explicit value."),
    click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None, help="Parallel workers (default: the CPUs iacfix may use)."),
    click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal)."),
]


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
@click.option("--report-unused-suppressions", "report_unused", is_flag=True,
              help="Also report iacfix suppressions that suppress nothing (exit 1 when there are).")
def check(paths, select, ignore, config, unsafe_fixes, jobs, progress, fmt, output_file, exit_zero, report_unused):
    """List findings as path:line:col: ID slug message."""
    with _interruptible(None, None):
        _check(paths, select, ignore, config, unsafe_fixes, jobs, progress, fmt, exit_zero, report_unused,
               output_file)


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
           output_file=None):
    if output_file and fmt == "text":
        _fail("--output-file writes a machine-readable report: add --format json, sarif, github or markdown")
    from iacfix import report
    from iacfix.runner import run_paths

    paths = paths or (".",)
    # SARIF carries each finding's fix, so its fixes are computed (never written).
    settings, cfg = _settings(paths, select, ignore, config, unsafe_fixes, fix=(fmt == "sarif"))
    skipped: list = []
    results, errors = run_paths(paths, settings, cfg.exclude, jobs, progress, skipped)
    findings = [f for r in results for f in r.findings]
    n_err = _print_errors(results, errors, skipped)
    if fmt == "json":
        _emit(report.to_json(findings), output_file)
    elif fmt == "sarif":
        errs = list(errors) + [(r.path, r.error) for r in results if r.error]
        _emit(report.sarif(results, errs), output_file)
    elif fmt == "github":
        _emit(report.github(findings), output_file)
    elif fmt == "markdown":
        _emit(report.job_summary(findings), output_file)
    else:
        click.echo(report.text(findings), nl=False)
        click.echo(report.suppressed_notes(results), nl=False)
    unused = report.unused_suppressions(results) if report_unused else []
    for ln in unused:  # on stderr in the machine formats, which have no place for them
        click.echo(ln, err=fmt != "text")
    if fmt == "text":
        click.echo(report.summary(findings), nl=False)
        if unused:
            click.echo(f"Found {len(unused)} unused suppression{'s' if len(unused) != 1 else ''}.")
    if exit_zero:
        sys.exit(0)
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
def fix(paths, select, ignore, config, unsafe_fixes, jobs, progress, dry_run):
    """Fix findings in place (or print the patch with --dry-run)."""
    written: list = []
    changed: list = []
    with _interruptible(written, changed):
        _fix(paths, select, ignore, config, unsafe_fixes, jobs, progress, dry_run, written, changed)


def _fix(paths, select, ignore, config, unsafe_fixes, jobs, progress, dry_run, written, changed):
    from iacfix import report
    from iacfix.patch import ChangedOnDisk, unified_diff, write_atomic
    from iacfix.runner import run_paths

    paths = paths or (".",)
    settings, cfg = _settings(paths, select, ignore, config, unsafe_fixes, fix=True)
    skipped: list = []
    results, errors = run_paths(paths, settings, cfg.exclude, jobs, progress, skipped)
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
        # A CI gate on the diff must not pass on a typo'd path or a broken file.
        sys.exit(1 if changed or n_err else 0)
    for r in changed:
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
    unfixable = [f for f in remaining if not f.fixable or (f.gap.unsafe and not settings.unsafe_fixes)]
    n_failed = sum(len(r.failed) for r in results)
    click.echo(report.text(remaining), nl=False, err=True)
    unwritten = f"{n_unwritten} fix{'es' if n_unwritten != 1 else ''} not written; " if n_unwritten else ""
    n_files = len(written)
    click.echo(
        f"Fixed {n_fixed} finding{'s' if n_fixed != 1 else ''} in {n_files} file{'s' if n_files != 1 else ''}; "
        f"{unwritten}{len(unfixable)} not fixable; {n_failed} failed verification.",
        err=True,
    )
    sys.exit(1 if remaining or n_err else 0)


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
             "params": {p.name: p.default for p in c.params}}
            for c in codemods.CATALOG
        ], indent=2))
        return
    for c in codemods.CATALOG:
        langs = ", ".join(c.languages)
        click.echo(f"{c.id}  {c.slug:<24} {c.title}")
        click.echo(f"        languages: {langs}; fix: {c.safety}")


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
