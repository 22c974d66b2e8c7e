"""The fix loop: parse once per pass, detect, edit, verify, repeat to a fixpoint.

A fix is kept only when the edited text (a) parses, (b) no longer has the
finding it fixed, and (c) has no new finding that cannot itself be fixed (with
--unsafe-fixes, for codemods whose every fix is unsafe).
Fixes whose edits overlap wait for the next pass, which re-parses the file.
A fix that fails verification is dropped and reported; the file keeps the
other fixes (or stays as it was).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from iacfix.codemods.spec import Codemod
from iacfix.core import (
    Context,
    Edit,
    FailedFix,
    FileResult,
    Finding,
    FixError,
    ParseError,
    apply_edits,
    edits_conflict,
)
from iacfix.suppress import is_suppressed, suppressions
from iacfix.sources import DEFAULT_MAX_BYTES, SourceError, SourceText, detect_language, read_source
from iacfix.transforms import parser_for

MAX_PASSES = 8


@dataclass
class Settings:
    codemods: Sequence[Codemod]
    params: Dict[str, Dict[str, object]] = field(default_factory=dict)  # slug -> params
    fix: bool = False
    unsafe_fixes: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def _suppressed(f: Finding, sup: Dict[int, Optional[set]]) -> bool:
    return is_suppressed(sup, f.rule, f.slug, {f.gap.line, f.gap.line - 1, *f.gap.suppress_lines})


def _asker(sup, cm):
    def suppressed(line: int, *more: int) -> bool:
        return is_suppressed(sup, cm.id, cm.slug, {line, line - 1, *more})

    return suppressed


def detect(doc, language: str, text: str, path: str, settings: Settings) -> Tuple[List[Finding], List[Finding]]:
    """Run every selected codemod's detector. Returns (active, suppressed) findings."""
    sup = suppressions(text)
    active: List[Finding] = []
    hidden: List[Finding] = []
    for cm in settings.codemods:
        det = cm.detectors.get(language)
        if det is None:
            continue
        params = dict(cm.defaults())
        params.update(settings.params.get(cm.slug, {}))
        ctx = Context(language=language, params=params, path=path, codemod=cm.id, slug=cm.slug,
                      suppressed=_asker(sup, cm))
        for gap in det(doc, ctx):
            f = Finding(cm.id, cm.slug, path, gap)
            if _suppressed(f, sup):
                f.suppressed = True
                hidden.append(f)
            else:
                active.append(f)
    active.sort(key=lambda f: (f.gap.line, f.gap.column, f.rule, f.gap.key))
    return active, hidden


def _analyse(text: str, language: str, path: str, settings: Settings):
    doc = parser_for(language)(text)
    return doc, detect(doc, language, text, path, settings)


def _fixable(f: Finding, settings: Settings) -> bool:
    return f.fixable and (settings.unsafe_fixes or not f.gap.unsafe)


def fix_text(text: str, language: str, path: str, settings: Settings, doc=None, findings=None):
    """Run the fix loop on normalised text.

    Returns (new_text, fixed, failed, remaining, first_edits, suppressed); ``first_edits``
    maps each fixed finding present in the original text to its own edits on that text.
    """
    if doc is None:
        doc, (findings, hidden) = _analyse(text, language, path, settings)
    else:
        hidden = []
    fixed: List[Finding] = []
    failed: Dict[str, FailedFix] = {}
    first_edits: Dict[str, List[Edit]] = {}
    for n_pass in range(MAX_PASSES):
        candidates = [f for f in findings if _fixable(f, settings) and f.key not in failed]
        if not candidates:
            break
        planned: List[Tuple[Finding, List[Edit]]] = []
        for f in candidates:
            try:
                edits = list(f.gap.fix())
            except FixError as e:
                failed[f.key] = FailedFix(f, str(e))
                continue
            except Exception as e:  # a transform bug must not lose the other fixes
                failed[f.key] = FailedFix(f, f"internal error in transform: {type(e).__name__}: {e}")
                continue
            if not edits:
                failed[f.key] = FailedFix(f, "the transform produced no change")
                continue
            if n_pass == 0:
                first_edits[f.key] = edits
            if any(edits_conflict(edits, e2) for _, e2 in planned):
                continue  # next pass, on the re-parsed text
            planned.append((f, edits))
        if not planned:
            break
        result = _verify(text, planned, findings, language, path, settings)
        if result is None:
            # Something in the batch is wrong: verify each fix on its own (recording
            # every one that fails), then apply together those that passed alone.
            good = []
            for f, edits in planned:
                r = _verify(text, [(f, edits)], findings, language, path, settings, failed=failed)
                if r is not None:
                    good.append((f, edits, r))
            if not good:
                continue  # every planned fix failed and is recorded; try the rest
            result = None
            if len(good) > 1:
                result = _verify(text, [(f, e) for f, e, _ in good], findings, language, path, settings)
            if result is not None:
                applied = [f for f, _, _ in good]
            else:  # they only verify apart: take the first now, the others next pass
                result, applied = good[0][2], [good[0][0]]
        else:
            applied = [f for f, _ in planned]
        text, doc, findings = result
        fixed.extend(applied)
    remaining = list(findings)
    fixed_keys = {f.key for f in fixed}
    first_edits = {k: v for k, v in first_edits.items() if k in fixed_keys}
    return text, fixed, list(failed.values()), remaining, first_edits, hidden


def _verify(text, planned, before, language, path, settings, failed=None):
    """Apply ``planned`` edits; return (text, doc, findings) when they verify, else None."""
    before_keys = {f.key for f in before}
    unfixable_rules = {f.rule for f in before if not _fixable(f, settings)}
    edits = [e for _, es in planned for e in es]
    try:
        new_text = apply_edits(text, edits)
    except ValueError as e:
        _record(failed, planned, f"edits overlap: {e}")
        return None
    if new_text == text:
        _record(failed, planned, "the fix changes nothing")
        return None
    try:
        doc, (findings, _hidden) = _analyse(new_text, language, path, settings)
    except ParseError as e:
        _record(failed, planned, f"the fixed file does not parse: {e.message}")
        return None
    keys = {f.key for f in findings}
    for f, _ in planned:
        if f.key in keys:
            _record(failed, [(f, None)], "the finding is still present after the fix")
            return None
    # A new finding is acceptable when it can itself be fixed (a later pass will), when
    # the file already had an unfixable finding of that rule (e.g. a new queue lacks the
    # tag that no resource in the file can be given): the fix makes nothing worse, or when
    # it belongs to a codemod whose fixes are all unsafe and has its (unsafe) fix: a new
    # alias named 'alias/orders' in a file without an environment suffix is not wrong.
    unsafe_only = {cm.id for cm in settings.codemods if cm.unsafe_only}
    new = [
        f for f in findings
        if f.key not in before_keys and not _fixable(f, settings) and f.rule not in unfixable_rules
        and not (f.rule in unsafe_only and f.fixable)
    ]
    if new:
        _record(failed, planned, f"the fix introduces a new finding: {new[0].rule} {new[0].gap.message}")
        return None
    return new_text, doc, findings


def _record(failed, planned, reason):
    if failed is None:
        return
    for f, _ in planned:
        failed[f.key] = FailedFix(f, reason)


def process_source(src: SourceText, language: str, path: str, settings: Settings) -> FileResult:
    res = FileResult(path=path, language=language, original=src.raw)
    try:
        doc, (findings, hidden) = _analyse(src.text, language, path, settings)
    except ParseError as e:
        res.error = e.message
        res.error_line = e.line
        return res
    res.findings = findings
    res.suppressed = hidden
    if not settings.fix:
        res.remaining = findings
        return res
    new_text, fixed, failed, remaining, first_edits, _ = fix_text(src.text, language, path, settings, doc, findings)
    res.fix_edits = first_edits
    res.fixed = fixed
    res.failed = failed
    res.remaining = remaining
    if new_text != src.text:
        res.new = src.restore(new_text)
    return res


def process_path(path: Path, display: str, settings: Settings) -> Optional[FileResult]:
    """Read, recognise and process one file. None when the file is not IaC we handle."""
    try:
        src = read_source(path, settings.max_bytes)
    except SourceError as e:
        return FileResult(path=display, error=str(e))
    language = detect_language(path, src.text)
    if language is None:
        return None
    if src.lone_cr:
        return FileResult(path=display, language=language,
                          error="line endings mix CR-only (\\r) with LF; convert the file to one style (LF, CRLF or CR)")
    try:
        res = process_source(src, language, display, settings)
        res.source = str(path)
        return res
    except RecursionError:
        return FileResult(path=display, language=language, error="file is nested too deeply to process")
    except Exception as e:  # never let one file stop the run
        tb = traceback.format_exc(limit=-3).strip().splitlines()[-1]
        return FileResult(path=display, language=language, error=f"internal error: {type(e).__name__}: {e} ({tb})")
