"""Rendering findings: text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import functools
import json
from typing import Dict, List, Optional

import iacfix.codemods as codemods
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


FOREIGN = ("checkov:skip", "cfn_nag rules_to_suppress")


def suppressed_notes(results: List[FileResult]) -> str:
    """One note per finding another scanner's skip suppressed (a Checkov or cfn_nag skip
    in the code): iacfix saw the gap and honours the decision already made."""
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


def github(findings: List[Finding]) -> str:
    def esc(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    out = []
    for f in findings:
        g = f.gap
        out.append(
            f"::warning title={f.rule} {f.slug},file={esc(f.path)},line={g.line},col={g.column},"
            f"endLine={g.end_line}::{esc(g.message)}"
        )
    return "\n".join(out) + ("\n" if out else "")


def _sarif_fix(res: FileResult, f: Finding):
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
        "artifactChanges": [{"artifactLocation": {"uri": _uri(f.path)}, "replacements": replacements}],
    }


def _uri(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def sarif(results: List[FileResult], errors: List[tuple]) -> str:
    """SARIF 2.1.0. Findings are those of the files as they are; each fixable one
    carries its fix as a ``fixes`` entry (replacements on the original file)."""
    rules = []
    index: Dict[str, int] = {}
    for cm in codemods.CATALOG:
        index[cm.id] = len(rules)
        rules.append({
            "id": cm.id,
            "name": cm.slug,
            "shortDescription": {"text": cm.title},
            "fullDescription": {"text": cm.rationale},
            "help": {"text": f"{cm.rationale} Fix with `iacfix fix --select {cm.slug}`."},
            "properties": {"languages": list(cm.languages), "checkov": list(cm.checkov)},
        })
    out = []
    for res in results:
        for f in res.findings:
            g = f.gap
            item = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": "warning",
                "message": {"text": g.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {"startLine": g.line, "startColumn": g.column, "endLine": max(g.end_line, g.line)},
                    }
                }],
                "properties": {"resourceType": g.resource_type, "resourceName": g.resource_name, "fixable": f.fixable},
            }
            fix = _sarif_fix(res, f)
            if fix is not None:
                item["fixes"] = [fix]
            out.append(item)
    notifications = [
        {"level": "error", "message": {"text": f"{path}: {reason}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
        for path, reason in errors
    ]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "iacfix", "version": __version__, "rules": rules}},
            "results": out,
            "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(doc, indent=2) + "\n"
