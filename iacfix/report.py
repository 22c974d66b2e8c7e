"""Rendering findings: text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import subprocess
import urllib.parse
from pathlib import Path
from typing import Dict, List, Optional

import iacfix.codemods as codemods
from iacfix.codemods.spec import SECURITY_SEVERITY
from iacfix import __version__
from iacfix.core import FileResult, Finding
from iacfix.sources import SourceText
from iacfix.transforms.text import LineIndex


def all_findings(results: List[FileResult]) -> List[Finding]:
    out = []
    for r in results:
        out.extend(r.remaining)
    return out


def error_line(path: str, reason: str, line=None) -> str:
    where = f"{path}:{line}" if line else path
    return f"{where}: error: {reason}"


def _plain(s: str, kind: str) -> str:
    return s


@functools.lru_cache(maxsize=1)
def docs_base() -> Optional[str]:
    """Where the codemods are documented: the ``Documentation`` URL of the installed
    package's metadata (``[project.urls]`` in pyproject.toml), None when it states none."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        urls = metadata("iacfix").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("documentation", "docs") and url.strip():
            return url.strip()
    return None


def doc_url(slug: str) -> Optional[str]:
    """A codemod's documentation (``docs/codemods.md`` has an anchor per slug)."""
    base = docs_base()
    return f"{base.split('#')[0]}#{slug}" if base else None


def hyperlink(text: str, url: Optional[str]) -> str:
    """``text`` as a terminal hyperlink (OSC 8), which terminals that lack them show as text."""
    return f"\033]8;;{url}\033\\{text}\033]8;;\033\\" if url else text


def text(findings: List[Finding], style=_plain, links: bool = False) -> str:
    """``path:line:col: ID slug message [*]``; ``style(text, kind)`` colours the parts
    (kinds ``path``, ``rule``, ``fix``); with ``links``, each codemod id links to its
    documentation when the package states where that is."""
    lines = []
    for f in findings:
        g = f.gap
        mark = " [*]" if f.fixable and not g.unsafe else (" [unsafe fix]" if f.fixable else "")
        rule = style(f.rule, 'rule')
        if links:
            rule = hyperlink(rule, doc_url(f.slug))
        lines.append(f"{style(f.path, 'path')}:{g.line}:{g.column}: {rule} {f.slug} "
                     f"{g.message}{style(mark, 'fix') if mark else ''}")
    return "\n".join(lines) + ("\n" if lines else "")


def severity(rule: str) -> str:
    cm = codemods.lookup(rule)
    return cm.severity if cm is not None else "medium"


def statistics(findings: List[Finding]) -> List[dict]:
    """Findings counted per codemod, most first (``check --statistics``)."""
    counts: Dict[str, dict] = {}
    for f in findings:
        c = counts.setdefault(f.rule, {"rule": f.rule, "slug": f.slug, "severity": severity(f.rule),
                                       "count": 0, "fixable": 0})
        c["count"] += 1
        c["fixable"] += bool(f.fixable and not f.gap.unsafe)
    return sorted(counts.values(), key=lambda c: (-c["count"], c["rule"]))


def statistics_text(stats: List[dict], style=_plain) -> str:
    width = max((len(str(c["count"])) for c in stats), default=1)
    return "".join(f"{c['count']:>{width}}  {style(c['rule'], 'rule')}  {c['slug']:<26} {c['severity']:<6}"
                   f"{style(' [*]', 'fix') if c['fixable'] else ''}".rstrip() + "\n" for c in stats)


def fixes_text(results: List[FileResult], style=_plain) -> str:
    """What was (or would be) fixed, per file and codemod (``fix --show-fixes``)."""
    out = []
    for r in sorted((r for r in results if r.fixed), key=lambda r: r.path):
        out.append(f"- {style(r.path, 'path')}:")
        counts: Dict[tuple, int] = {}
        for f in r.fixed:
            counts[(f.rule, f.slug)] = counts.get((f.rule, f.slug), 0) + 1
        for (rule, slug), n in sorted(counts.items()):
            out.append(f"    {n} × {style(rule, 'rule')} ({slug})")
    return "\n".join(out) + ("\n" if out else "")


FOREIGN = ("checkov:skip", "cfn_nag rules_to_suppress", "cdk-nag suppression", "cfn-lint ignore_checks")  # iacfix.suppress


def suppressed_notes(results: List[FileResult]) -> str:
    """One note per finding another scanner's skip suppressed (a Checkov, cfn_nag, cdk-nag
    or cfn-lint skip in the code): iacfix saw the gap and honours the decision already made."""
    lines = []
    for r in results:
        for f in r.suppressed:
            if f.suppressed_by in FOREIGN:
                g = f.gap
                lines.append(f"{f.path}:{g.line}:{g.column}: note: {f.rule} {f.slug} {g.message}: "
                             f"suppressed by {f.suppressed_by}")
    return "\n".join(lines) + ("\n" if lines else "")


def unused_suppressions(results: List[FileResult]) -> List[str]:
    """``path:line:col: unused suppression: ...`` for each iacfix suppression that
    suppressed nothing (as ruff's RUF100 reports an unused ``noqa``)."""
    out = []
    for r in results:
        for line, col, text, names in r.unused_suppressions:
            what = f" (unused: {', '.join(names)})" if names else ""
            out.append(f"{r.path}:{line}:{col}: unused suppression: {text}{what}")
    return out


def summary(findings: List[Finding]) -> str:
    if not findings:
        return "No findings.\n"
    safe = sum(1 for f in findings if f.fixable and not f.gap.unsafe)
    unsafe = sum(1 for f in findings if f.fixable and f.gap.unsafe)
    n = len(findings)
    s = f"Found {n} finding{'s' if n != 1 else ''}"
    parts = []
    if safe:
        parts.append(f"{safe} fixable with `iacfix fix`")
    if unsafe:
        parts.append(f"{unsafe} more with `--unsafe-fixes`")
    return s + (f" ({', '.join(parts)})" if parts else "") + ".\n"


def to_json(findings: List[Finding]) -> str:
    out = []
    for f in findings:
        item = {**f.to_json(), "severity": severity(f.rule)}
        url = doc_url(f.slug)
        if url:
            item["url"] = url
        out.append(item)
    return json.dumps(out, indent=2) + "\n"


def _esc_data(s: str) -> str:
    """A workflow command's message (GitHub's toolkit escapeData)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_property(s: str) -> str:
    """A workflow command's property value (GitHub's toolkit escapeProperty): also ':' and ','."""
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: List[Finding]) -> str:
    out = []
    for f in findings:
        g = f.gap
        props = [("title", f"{f.rule} {f.slug}"), ("file", f.path), ("line", g.line), ("col", g.column),
                 ("endLine", max(g.end_line, g.line))]
        out.append("::warning " + ",".join(f"{k}={_esc_property(str(v))}" for k, v in props)
                   + f"::{_esc_data(g.message)}")
    return "\n".join(out) + ("\n" if out else "")


def job_summary(findings: List[Finding]) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: what code scanning would have shown."""
    if not findings:
        return "### iacfix\n\nNo findings.\n"
    fixable = sum(1 for f in findings if f.fixable)
    out = ["### iacfix", "", f"{len(findings)} finding{'s' if len(findings) != 1 else ''}, {fixable} fixable "
           f"with `iacfix fix` (or `iacfix pr`).", "", "| file:line | codemod | resource | finding |", "|---|---|---|---|"]
    for f in findings:
        g = f.gap
        cell = lambda t: " ".join(str(t).split()).replace("|", "\\|")  # noqa: E731
        out.append(f"| `{cell(f.path)}:{g.line}` | {f.rule} `{f.slug}` | `{cell(g.resource_type)}` "
                   f"{cell(g.resource_name)} | {cell(g.message)} |")
    return "\n".join(out) + "\n"


# What GitHub code scanning reads beyond plain SARIF 2.1.0 ("SARIF support for code
# scanning", docs.github.com): a rule's ``security-severity`` (a string, 0.1-3.9 low,
# 4.0-6.9 medium, 7.0-8.9 high, 9.0+ critical; shown for rules tagged ``security``) and
# ``tags``; a result's ``partialFingerprints`` (to track an alert across runs when lines
# move); an artifact's ``uri`` relative to the repository root; ``automationDetails.id``
# (``category/``). A rule's severity and tags are its codemod's (``severity``, ``tags`` in the spec).
FINGERPRINT = "iacfix/v1"  # partialFingerprints key: rule, file and resource, not the line
CATEGORY = "iacfix"
EXAMPLE_PATHS = {"terraform": "main.tf", "cloudformation": "template.yaml", "cdk": "app.py",
                 "pulumi": "__main__.py", "go": "stack.go"}


def _sarif_fix(res: FileResult, f: Finding, root: str):
    edits = res.fix_edits.get(f.key)
    if not edits or res.original is None:
        return None
    src = SourceText.from_string(res.original)
    idx = LineIndex(src.text)
    replacements = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        (l1, c1), (l2, c2) = idx.position(e.start), idx.position(e.end)
        text = e.replacement.replace("\n", src.newline)
        replacements.append({
            "deletedRegion": {"startLine": l1, "startColumn": c1 + 1, "endLine": l2, "endColumn": c2 + 1},
            "insertedContent": {"text": text},
        })
    return {
        "description": {"text": f"iacfix {f.slug}: {f.gap.message}"},
        "artifactChanges": [{"artifactLocation": {"uri": sarif_uri(f.path, root)}, "replacements": replacements}],
    }


def repository_root(start: str = ".") -> str:
    """The git work tree holding ``start`` (the current directory outside one)."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, text=True)
    except OSError:
        proc = None
    if proc is not None and proc.returncode == 0 and proc.stdout.strip():
        return os.path.realpath(proc.stdout.strip())
    return os.path.realpath(start)


def sarif_uri(path: str, root: str) -> str:
    """``path`` relative to the repository root, percent-encoded (RFC 3986), as GitHub
    matches it with the repository's files; a file outside the root gets a file:// URI."""
    full = os.path.realpath(os.path.abspath(path)) if not os.path.islink(path) else os.path.abspath(path)
    rel = os.path.relpath(full, root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return Path(full).as_uri()
    return urllib.parse.quote(Path(rel).as_posix(), safe="/")


def fingerprint(f: Finding, uri: str) -> str:
    return hashlib.sha256(f"{f.key}|{uri}".encode("utf-8")).hexdigest()[:32]


def example_patch(cm) -> str:
    """The patch the codemod makes on its first example it fixes, as a unified diff ('' if none)."""
    from iacfix.engine import Settings, process_source  # the example runs through the real engine

    for ex in cm.examples:
        if not ex.finds:
            continue
        path = EXAMPLE_PATHS.get(ex.language, "input")
        try:
            res = process_source(SourceText.from_string(ex.code), ex.language, path,
                                 Settings(codemods=[cm], fix=True, unsafe_fixes=True))
        except Exception:  # an example is documentation: never a reason to lose the report
            continue
        if res.error is None and res.new and res.new != ex.code:
            return "".join(difflib.unified_diff(ex.code.splitlines(True), res.new.splitlines(True),
                                                f"a/{path}", f"b/{path}"))
    return ""


def _rule(cm, with_example: bool) -> dict:
    severity, tags = SECURITY_SEVERITY[cm.severity], cm.tags
    markdown = [f"**{cm.id} {cm.slug}: {cm.title}.**", "", cm.rationale, "",
                f"Fix with `iacfix fix --select {cm.slug}`" + (" (the fix is unsafe: add `--unsafe-fixes`)."
                                                              if cm.unsafe_only else ".")]
    if cm.checkov:
        markdown += ["", f"Checkov: {', '.join(cm.checkov)}."]
    patch = example_patch(cm) if with_example else ""
    if patch:
        markdown += ["", "Example:", "", "```diff", patch.rstrip("\n"), "```"]
    url = doc_url(cm.slug)  # only where the package states where it is documented: never a made-up address
    if url:
        markdown += ["", f"[Documentation]({url})"]
    return {
        "id": cm.id,
        "name": cm.slug,
        "shortDescription": {"text": cm.title},
        "fullDescription": {"text": cm.rationale},
        **({"helpUri": url} if url else {}),
        "help": {"text": f"{cm.rationale} Fix with `iacfix fix --select {cm.slug}`.", "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": "warning"},
        "properties": {
            "languages": list(cm.languages), "checkov": list(cm.checkov),
            "security-severity": severity, "tags": ["iac", *tags], "precision": "high",
            "problem.severity": "warning",
        },
    }


def sarif(results: List[FileResult], errors: List[tuple], root: Optional[str] = None) -> str:
    """SARIF 2.1.0. Findings are those of the files as they are; each fixable one
    carries its fix as a ``fixes`` entry (replacements on the original file); a
    suppressed one is a result with a ``suppressions`` entry. URIs are relative to
    ``root`` (default: the repository holding the current directory)."""
    root = os.path.realpath(root) if root else repository_root()
    used = {f.rule for res in results for f in (*res.findings, *res.suppressed)}
    rules = []
    index: Dict[str, int] = {}
    for cm in codemods.CATALOG:
        index[cm.id] = len(rules)
        rules.append(_rule(cm, cm.id in used))
    out = []
    for res in results:
        for f in [*res.findings, *res.suppressed]:
            g = f.gap
            uri = sarif_uri(f.path, root)
            item = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": "warning",
                "message": {"text": g.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": g.line, "startColumn": g.column, "endLine": max(g.end_line, g.line)},
                    }
                }],
                "partialFingerprints": {FINGERPRINT: fingerprint(f, uri)},
                "properties": {"resourceType": g.resource_type, "resourceName": g.resource_name, "fixable": f.fixable},
            }
            if f.suppressed:
                item["suppressions"] = [{"kind": "inSource",
                                         "justification": f"suppressed by {f.suppressed_by or 'iacfix: ignore'}"}]
            else:
                fix = _sarif_fix(res, f, root)
                if fix is not None:
                    item["fixes"] = [fix]
            out.append(item)
    notifications = [
        {"level": "error", "message": {"text": f"{path}: {reason}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": sarif_uri(path, root)}}}]}
        for path, reason in errors
    ]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "iacfix", "version": __version__,
                                **({"informationUri": docs_base()} if docs_base() else {}), "rules": rules}},
            "automationDetails": {"id": f"{CATEGORY}/"},
            "results": out,
            "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(doc, indent=2) + "\n"
