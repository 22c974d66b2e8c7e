"""Rendering findings: text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import json
from typing import Dict, List

import codemods
from iacfix import __version__
from iacfix.model import FileResult, Finding


def all_findings(results: List[FileResult]) -> List[Finding]:
    out = []
    for r in results:
        out.extend(r.remaining)
    return out


def error_line(path: str, reason: str, line=None) -> str:
    where = f"{path}:{line}" if line else path
    return f"{where}: error: {reason}"


def text(findings: List[Finding]) -> str:
    lines = []
    for f in findings:
        g = f.gap
        mark = " [*]" if f.fixable and not g.unsafe else (" [unsafe fix]" if f.fixable else "")
        lines.append(f"{f.path}:{g.line}:{g.column}: {f.rule} {f.slug} {g.message}{mark}")
    return "\n".join(lines) + ("\n" if lines else "")


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
    return json.dumps([f.to_json() for f in findings], indent=2) + "\n"


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


def sarif(findings: List[Finding], errors: List[tuple]) -> str:
    rules = []
    index: Dict[str, int] = {}
    for cm in codemods.CATALOG:
        index[cm.id] = len(rules)
        rules.append({
            "id": cm.id,
            "name": cm.slug,
            "shortDescription": {"text": cm.title},
            "fullDescription": {"text": cm.rationale},
            "properties": {"languages": list(cm.languages), "checkov": list(cm.checkov)},
        })
    results = []
    for f in findings:
        g = f.gap
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": "warning",
            "message": {"text": g.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path.replace("\\", "/")},
                    "region": {"startLine": g.line, "startColumn": g.column, "endLine": max(g.end_line, g.line)},
                }
            }],
            "properties": {"resourceType": g.resource_type, "resourceName": g.resource_name, "fixable": f.fixable},
        })
    notifications = [
        {"level": "error", "message": {"text": reason},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}}}]}
        for path, reason in errors
    ]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "iacfix", "version": __version__, "informationUri": "https://pypi.org/project/iacfix/", "rules": rules}},
            "results": results,
            "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(doc, indent=2) + "\n"
