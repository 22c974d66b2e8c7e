"""The fix loop: parse, detect, edit, verify, repeat to a fixpoint — per module.

A module is the unit of analysis: a Terraform directory, a CDK or Pulumi app's
package, a CloudFormation template alone. Every file of the module is parsed, and a
detector sees the others through ``ctx.module()`` (a variable declared in
``variables.tf``, a role defined in ``iam.py``). A fix's edits may land in another
file of the module.

A fix is kept only when the edited module (a) parses, (b) no longer has the finding
it fixed, and (c) has no new finding that cannot itself be fixed (with
--unsafe-fixes, for codemods whose every fix is unsafe). Fixes whose edits overlap
wait for the next pass, which re-parses what changed. A fix that fails verification
is dropped and reported; the files keep the other fixes (or stay as they were).
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from iacfix.codemods.lang import retained
from iacfix.codemods.spec import Codemod
from iacfix.core import (
    Context,
    Edit,
    FailedFix,
    FileResult,
    Finding,
    FixError,
    ParseError,
    Project,
    apply_edits,
)
from iacfix.modules import go_package_of, package_of
from iacfix.sources import DEFAULT_MAX_BYTES, SourceError, SourceText, detect_language, read_source
from iacfix.suppress import Suppressions, suppressions
from iacfix.transforms import normalizer_for, parser_for

MAX_PASSES = 8


@dataclass
class Settings:
    codemods: Sequence[Codemod]
    params: Dict[str, Dict[str, object]] = field(default_factory=dict)  # slug -> params
    fix: bool = False
    unsafe_fixes: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    # per-file-ignores: (directory the pattern is relative to, pattern, codemod ids not run there)
    per_file_ignores: Tuple[Tuple[str, str, frozenset], ...] = ()

    def ignored_in(self, path: str) -> frozenset:
        """The ids of the codemods that per-file-ignores turn off for ``path``."""
        if not self.per_file_ignores:
            return frozenset()
        from iacfix.pathmatch import matches

        out: set = set()
        for base, pattern, ids in self.per_file_ignores:
            if matches((pattern,), path, base):
                out |= ids
        return frozenset(out)


@dataclass
class ModuleFile:
    """A file of a module: its display path, its text, and whether iacfix reports and
    fixes it (``member``) or only reads it for what the others need (``member=False``:
    a sibling of a file named on the command line). ``writable``: a fix may edit it."""

    path: str
    src: SourceText
    member: bool = True
    writable: bool = True
    source: Optional[str] = None  # the path it was read from (the one to write), when not path


Key = Tuple[str, str]  # (path, finding key)


def _key(f: Finding) -> Key:
    return (f.path, f.key)


def _catalog():
    import iacfix.codemods as codemods

    return codemods.CATALOG


def _suppression(f: Finding, cm: Codemod, sup: Suppressions):
    """The mark that suppresses finding ``f`` of ``cm``, or None."""
    return sup.find(cm, {f.gap.line, f.gap.line - 1, *f.gap.suppress_lines}, f.gap.line, f.gap.detail)


def _asker(sup: Suppressions, cm, path: str, project: Optional[Project]):
    def suppressed(line: int, *more: int, path: Optional[str] = None) -> bool:
        table = sup
        if path is not None and path != own and project is not None:
            key = ("suppressions", path)
            if key not in project.cache:
                text = project.text(path)
                try:
                    doc = project.doc(path)
                except KeyError:
                    doc = None
                project.cache[key] = (suppressions(text, project.language, doc) if text is not None
                                      else Suppressions())
            table = project.cache[key]
        return table.find(cm, {line, line - 1, *more}, line) is not None

    own = path

    return suppressed


def detect(doc, language: str, text: str, path: str, settings: Settings,
           project: Optional[Project] = None) -> Tuple[List[Finding], List[Finding]]:
    """Run every selected codemod's detector on one file. Returns (active, suppressed)."""
    return detect_with(doc, language, text, path, settings, project)[:2]


def detect_with(doc, language: str, text: str, path: str, settings: Settings,
                project: Optional[Project] = None) -> Tuple[List[Finding], List[Finding], Suppressions]:
    """``detect``, and the file's suppressions (each mark knowing whether it was used)."""
    sup = suppressions(text, language, doc)
    active: List[Finding] = []
    hidden: List[Finding] = []
    off = settings.ignored_in(path)
    for cm in settings.codemods:
        if cm.id in off:
            continue
        det = cm.detectors.get(language)
        if det is None:
            continue
        params = dict(cm.defaults())
        params.update(settings.params.get(cm.slug, {}))
        ctx = Context(language=language, params=params, path=path, codemod=cm.id, slug=cm.slug,
                      suppressed=_asker(sup, cm, path, project), project=project)
        for gap in det(doc, ctx):
            f = Finding(cm.id, cm.slug, path, gap)
            mark = _suppression(f, cm, sup) if sup else None
            if mark is not None:
                f.suppressed = True
                f.suppressed_by = mark.source
                hidden.append(f)
            else:
                active.append(f)
    active.sort(key=lambda f: (f.gap.line, f.gap.column, f.rule, f.gap.key))
    return active, hidden, sup


def _fixable(f: Finding, settings: Settings) -> bool:
    return f.fixable and (settings.unsafe_fixes or not f.gap.unsafe)


class _State:
    """The module as it stands: texts, parsed files, findings per file."""

    def __init__(self, language: str, settings: Settings, texts: Dict[str, str], docs: Dict[str, object],
                 package: Optional[Dict[str, str]] = None):
        self.language = language
        self.settings = settings
        self.texts = dict(texts)
        self.project = Project(language, docs, self.texts, package)
        self.active: Dict[str, List[Finding]] = {}
        self.hidden: Dict[str, List[Finding]] = {}
        self.sups: Dict[str, Suppressions] = {}
        self.retained: Dict[str, set] = {}  # path → (type, name) of resources protected from deletion

    def copy(self) -> "_State":
        st = _State(self.language, self.settings, self.texts, dict(self.project.docs()), self.project.package)
        st.project.looked = set(self.project.looked)
        st.active, st.hidden, st.retained = dict(self.active), dict(self.hidden), dict(self.retained)
        st.sups = dict(self.sups)
        return st

    def bind(self) -> "_State":
        self.project.bind()
        return self

    def detect(self, paths) -> None:
        self.bind()
        for p in paths:
            self.project.looked.discard(p)
            self.retained[p] = retained(self.language, self.project.doc(p))
            self.active[p], self.hidden[p], self.sups[p] = detect_with(
                self.project.doc(p), self.language, self.texts[p], p, self.settings, self.project)

    def findings(self, members) -> List[Finding]:
        return [f for p in members for f in self.active.get(p, ())]


def _parse_module(language: str, files: Sequence[ModuleFile], settings: Settings, edited):
    """Parse every file; the ones that do not parse get their error and leave the module."""
    parse = parser_for(language)
    docs, errors = {}, {}
    for mf in files:
        try:
            docs[mf.path] = parse(edited[mf.path][0])
        except ParseError as e:
            errors[mf.path] = e
    return docs, errors


def process_module(files: Sequence[ModuleFile], language: str, settings: Settings,
                   package: Optional[Dict[str, str]] = None) -> List[FileResult]:
    """Detect (and with ``settings.fix``, fix) every member file of one module.

    ``package``: the app's packaging files by name (``Project.package``), for Python."""
    by_path = {mf.path: mf for mf in files}
    normalize = normalizer_for(language)
    edited = {mf.path: normalize(mf.src.text) for mf in files}  # path → (text, restore)
    results: Dict[str, FileResult] = {
        mf.path: FileResult(path=mf.path, language=language, original=mf.src.raw) for mf in files
    }
    docs, errors = _parse_module(language, files, settings, edited)
    for path, e in errors.items():
        results[path].error = e.message
        results[path].error_line = e.line
    if language == "cdk":
        from iacfix.codemods.common.cdk import V1_NOTE, is_cdk_v1

        for p, doc in docs.items():
            if is_cdk_v1(doc):
                results[p].unsupported = V1_NOTE
    state = _State(language, settings, {p: edited[p][0] for p in docs}, docs, package)
    state.detect(list(docs))
    members = [p for p in docs if by_path[p].member]
    for p in members:
        results[p].findings = list(state.active[p])
        results[p].suppressed = list(state.hidden[p])
        ran = [cm for cm in settings.codemods if cm.id not in settings.ignored_in(p)]  # per-file-ignores
        results[p].unused_suppressions = [
            (m.line, m.column, m.text, names) for m, names in state.sups[p].unused(ran, _catalog())]
    held: Dict[Key, str] = {}
    if settings.fix and members:
        state, fixed, failed, first_edits = _fix_loop(state, members, by_path, held)
        for f in fixed:
            results[f.path].fixed.append(f)
        for ff in failed:
            results[ff.finding.path].failed.append(ff)
        for (path, key), edits in first_edits.items():
            results[path].fix_edits[key] = edits
        for p in docs:
            if state.texts[p] != edited[p][0]:
                results[p].new = by_path[p].src.restore(edited[p][1](state.texts[p]))
    for p in members:
        results[p].remaining = list(state.active[p])
        for f in results[p].remaining:
            if _key(f) in held:  # reported as it is: not fixable in this run, and why
                f.gap = dataclasses.replace(f.gap, fix=None, message=f"{f.gap.message} ({held[_key(f)]})")
    return [results[mf.path] for mf in files if mf.member or results[mf.path].changed]


HELD = ("needs a migration: the fix replaces this resource, which is protected from deletion; "
        "replace it deliberately, lifting the protection for that deploy")


def _hold_replacements(state: "_State", candidates: List[Finding], fixed: List[Finding],
                       held: Dict[Key, str]) -> List[Finding]:
    """A protected resource is never replaced (Terraform refuses to plan the destroy of a
    prevent_destroy resource, Pulumi to replace a protected one), whether the protection
    is already written (a detector marked it ``retained``) or added by this run: the
    protection is the safe half and is kept; the replacement waits for a migration."""
    retained = {(f.path, f.gap.resource) for f in candidates + fixed if f.gap.retains}
    retained |= {(p, r) for p, rs in state.retained.items() for r in rs}
    for f in candidates:
        if f.gap.replaces and (f.path, f.gap.resource) in retained:
            held[_key(f)] = HELD
    return [f for f in candidates if _key(f) not in held]


def _fix_loop(state: _State, members: List[str], by_path, held: Optional[Dict[Key, str]] = None):
    settings = state.settings
    fixed: List[Finding] = []
    failed: Dict[Key, FailedFix] = {}
    first_edits: Dict[Key, List[Edit]] = {}
    held = {} if held is None else held
    for n_pass in range(MAX_PASSES):
        state.bind()  # fixes read the module as it stands
        candidates = [f for f in state.findings(members) if _fixable(f, settings) and _key(f) not in failed]
        candidates = _hold_replacements(state, candidates, fixed, held)
        if not candidates:
            break
        planned: List[Tuple[Finding, Dict[str, List[Edit]]]] = []
        taken = _Taken()
        for f in candidates:
            try:
                edits = list(f.gap.fix())
            except FixError as e:
                failed[_key(f)] = FailedFix(f, str(e))
                continue
            except Exception as e:  # a transform bug must not lose the other fixes
                failed[_key(f)] = FailedFix(f, f"internal error in transform: {type(e).__name__}: {e}")
                continue
            if not edits:
                failed[_key(f)] = FailedFix(f, "the transform produced no change")
                continue
            per_file = _by_file(f, edits)
            bad = [p for p in per_file if p not in state.texts or not by_path[p].writable]
            if bad:
                failed[_key(f)] = FailedFix(f, f"the fix would edit {bad[0]}, which iacfix may not change")
                continue
            if n_pass == 0:
                first_edits[_key(f)] = per_file.get(f.path, [])
            if taken.conflicts(per_file):
                continue  # next pass, on the re-parsed text
            planned.append((f, per_file))
            taken.add(per_file)
        if not planned:
            break
        blame: Dict[Key, Optional[str]] = {}
        result = _verify(state, planned, members, blame=blame)
        while result is None and blame and len(blame) < len(planned) and None not in blame.values():
            # The cause is placed: those fixes fail with it, the others go on together.
            for f, _ in planned:
                if _key(f) in blame:
                    failed[_key(f)] = FailedFix(f, blame[_key(f)])
            planned = [(f, e) for f, e in planned if _key(f) not in blame]
            blame = {}
            state.bind()
            result = _verify(state, planned, members, blame=blame)
        if result is None:
            # Something in the batch is wrong: verify each fix on its own (recording
            # every one that fails), then apply together those that passed alone.
            good = []
            for f, edits in planned:
                state.bind()
                r = _verify(state, [(f, edits)], members, failed=failed)
                if r is not None:
                    good.append((f, edits, r))
            if not good:
                continue  # every planned fix failed and is recorded; try the rest
            result = None
            if len(good) > 1:
                state.bind()
                result = _verify(state, [(f, e) for f, e, _ in good], members)
            if result is not None:
                applied = [f for f, _, _ in good]
            else:
                # They only verify apart: grow a batch one fix at a time, keeping each
                # that verifies with those before it (one at a time per pass would run
                # out of passes on a large file); the others wait for the next pass.
                result, batch = good[0][2], [good[0]]
                for g in good[1:]:
                    state.bind()
                    r = _verify(state, [(f, e) for f, e, _ in batch + [g]], members)
                    if r is not None:
                        result, batch = r, batch + [g]
                applied = [f for f, _, _ in batch]
        else:
            applied = [f for f, _ in planned]
        state = result
        fixed.extend(applied)
        _spend(applied)
        _spend(ff.finding for ff in failed.values())
    fixed_keys = {_key(f) for f in fixed}
    first_edits = {k: v for k, v in first_edits.items() if k in fixed_keys}
    return state, fixed, list(failed.values()), first_edits


def _spent_fix():
    raise FixError("this fix was already made (or failed) in an earlier pass")


def _spend(findings) -> None:
    """Let go of the fix closures of findings fixed or failed: each holds the parsed module
    of its pass, so keeping them kept every pass's trees alive (a Terraform file fixed in
    three passes held four trees, and the collector walked them all again and again). The
    finding stays fixable, as reported."""
    for f in findings:
        if f.gap.fix is not None:
            f.gap.fix = _spent_fix


def _by_file(f: Finding, edits: List[Edit]) -> Dict[str, List[Edit]]:
    out: Dict[str, List[Edit]] = {}
    for e in edits:
        out.setdefault(e.path or f.path, []).append(e)
    return out


class _Taken:
    """The spans of the edits planned in a pass, per file, sorted: whether a fix's edits
    touch them (``edits_conflict``: overlapping or meeting) is a bisection, not a
    comparison with every planned fix (quadratic in the fixes of a large file).

    An offset where only ranked insertions were planned (``Edit.rank``) takes another
    whose rank overlaps none of theirs: the fixes there are applied together, in rank order
    (``_ordered``), instead of one per pass (a re-parse of the file for each)."""

    def __init__(self) -> None:
        self.spans: Dict[str, Tuple[List[int], List[int]]] = {}
        # (file, offset): the ranks inserted there, None where an insertion there is not ranked
        self.ranks: Dict[Tuple[str, int], Optional[List[Tuple[int, int, int]]]] = {}

    def _joins(self, p: str, e: Edit, starts, ends, i: int) -> bool:
        if e.rank is None or e.start != e.end or e.reads is not None:
            return False
        if not (starts[i] == ends[i] == e.start):
            return False
        ranks = self.ranks.get((p, e.start))
        where, lo, hi = e.rank
        return ranks is not None and all(w != where or hi < a or b < lo for w, a, b in ranks)

    def conflicts(self, per_file: Dict[str, List[Edit]]) -> bool:
        for p, es in per_file.items():
            starts, ends = self.spans.get(p, ((), ()))
            at = _insertions_at(es)
            for e in es:
                start, end = e.span
                i = bisect.bisect_right(starts, end) - 1  # the last span starting at or before e's end
                if i >= 0 and ends[i] >= start and not (len(at.get(e.start, ())) == 1
                                                        and self._joins(p, e, starts, ends, i)):
                    return True  # spans are disjoint: ends grow with starts
        return False

    def add(self, per_file: Dict[str, List[Edit]]) -> None:
        for p, es in per_file.items():
            starts, ends = self.spans.setdefault(p, ([], []))
            for off, mine in _insertions_at(es).items():
                ranks = self.ranks.get((p, off), [])
                if ranks is None or len(mine) > 1 or mine[0].rank is None or mine[0].reads is not None:
                    self.ranks[(p, off)] = None  # a fix's own edits at one offset keep its order
                else:
                    self.ranks[(p, off)] = ranks + [mine[0].rank]
            for start, end in sorted(e.span for e in es):
                i = bisect.bisect_right(starts, start)
                if i and ends[i - 1] >= end:
                    continue  # inside a span already taken (a fix's own edits may nest)
                while i < len(starts) and starts[i] <= end:  # a span it covers (what an edit read)
                    end = max(end, ends.pop(i))
                    starts.pop(i)
                if i and ends[i - 1] >= start:
                    i -= 1
                    start, end = starts.pop(i), max(end, ends.pop(i))
                starts.insert(i, start)
                ends.insert(i, end)


def _insertions_at(es: List[Edit]) -> Dict[int, List[Edit]]:
    """A fix's insertions (zero-width edits) in a file, by offset."""
    at: Dict[int, List[Edit]] = {}
    for e in es:
        if e.start == e.end:
            at.setdefault(e.start, []).append(e)
    return at


def _ordered(planned) -> Dict[str, List[Tuple[int, Edit]]]:
    """Each file's edits of ``planned`` with the index of their fix, in the order they are
    applied (``apply_edits`` keeps it at one offset): by offset, and at one offset the
    fixes' order, except where several fixes insert there (``_Taken``): what goes into the
    innermost mapping first, and in rank order within one."""
    per_file: Dict[str, List[Tuple[int, Edit]]] = {}
    for n, (_, files) in enumerate(planned):
        for p, es in files.items():
            per_file.setdefault(p, []).extend((n, e) for e in es)
    out: Dict[str, List[Tuple[int, Edit]]] = {}
    for p, pairs in per_file.items():
        fixes_at: Dict[int, set] = {}
        for n, e in pairs:
            if e.start == e.end:
                fixes_at.setdefault(e.start, set()).add(n)
        joined = {o for o, ns in fixes_at.items() if len(ns) > 1}
        if joined:
            def key(ne):
                n, e = ne
                if e.start in joined and e.rank is not None:
                    return e.start, e.end, -e.rank[0], e.rank[1], n
                return e.start, e.end, 0, 0, n
        else:
            def key(ne):
                return ne[1].start, ne[1].end, 0, 0, ne[0]
        out[p] = sorted(pairs, key=key)
    return out


def _edited_lines(text: str, planned, path: str) -> List[Tuple[Key, int, int]]:
    """(fix, first line, last line) in the edited ``text`` of ``path`` of each planned
    fix's edits there: where each fix's replacement text landed (in the order they were
    applied: ``_ordered``)."""
    out, shift, line, at = [], 0, 1, 0
    for i, e in _ordered(planned).get(path, ()):
        start, end = e.start, e.end
        new_start = start + shift
        line += text.count("\n", at, new_start)  # edits in order: one pass over the text
        at = new_start
        out.append((_key(planned[i][0]), line, line + e.replacement.count("\n")))
        shift += len(e.replacement) - (end - start)
    return out


def _blame(spans: List[Tuple[Key, int, int]], first: int, last: int) -> List[Key]:
    """The planned fixes whose edits landed on lines ``first``..``last`` (a new finding's
    resource) of a file (``spans``: ``_edited_lines``)."""
    return [k for k, a, b in spans if a <= last and first <= b]


def _verify(state: _State, planned, members, failed=None, blame=None) -> Optional[_State]:
    """Apply ``planned`` edits to a copy of the module; the new state when they verify.

    When they do not and ``blame`` is given, it receives the fixes the failure can be
    placed on: a new finding on the lines a fix wrote is that fix's (with why); a finding
    still present is suspect (None: the batch is then verified fix by fix). The others can then
    be verified together again, instead of one by one (which costs a re-parse and a
    re-detection of the module per fix: quadratic on a large file)."""
    settings = state.settings
    before = state.findings(members)
    before_keys = {_key(f) for f in before}
    unfixable_rules = {f.rule for f in before if not _fixable(f, settings)}
    changes = {p: [e for _, e in pairs] for p, pairs in _ordered(planned).items()}
    new = state.copy()
    parse = parser_for(state.language)
    for p, es in changes.items():
        try:
            text = apply_edits(state.texts[p], es)
        except ValueError as e:
            _record(failed, planned, f"edits overlap: {e}")
            return None
        if text == state.texts[p]:
            continue
        try:
            doc = parse(text)
        except ParseError as e:
            where = "" if all(p == f.path for f, _ in planned) else f" ({p})"
            _record(failed, planned, f"the fixed file does not parse{where}: {e.message}")
            return None
        new.texts[p] = text
        new.project.replace(p, doc)
    changed = [p for p in changes if new.texts[p] != state.texts[p]]
    if not changed:
        _record(failed, planned, "the fix changes nothing")
        return None
    # Detect again where the text changed, and in every file whose findings came from
    # reading the others.
    again = set(changed) | set(state.project.looked)
    new.detect([p for p in new.project.paths if p in again])
    after = new.findings(members)
    keys = {_key(f) for f in after}
    still = [f for f, _ in planned if _key(f) in keys]
    if still:
        _record(failed, [(still[0], None)], "the finding is still present after the fix")
        if blame is not None:  # its own doing, or another's in the batch: verified alone later
            blame.update((_key(f), None) for f in still)
        return None
    # A new finding is acceptable when it can itself be fixed (a later pass will), when
    # the module already had an unfixable finding of that rule (e.g. a new queue lacks the
    # tag that no resource can be given): the fix makes nothing worse, or when it belongs
    # to a codemod whose fixes are all unsafe, with or without a fix: its findings are
    # judgement calls the owner makes. A new alias named 'alias/orders' in a module without
    # an environment suffix is not wrong, whether or not the language can add a suffix
    # (Terraform and CloudFormation can, as an unsafe fix; a CDK stack must be passed one):
    # the alias is made in every language, and environment-suffix reports its name.
    unsafe_only = {cm.id for cm in settings.codemods if cm.unsafe_only}
    new_findings = [
        f for f in after
        if _key(f) not in before_keys and not _fixable(f, settings) and f.rule not in unfixable_rules
        and f.rule not in unsafe_only
    ]
    if new_findings:
        f0 = new_findings[0]
        _record(failed, planned, f"the fix introduces a new finding: {f0.rule} {f0.gap.message}")
        if blame is not None:
            spans = {p: _edited_lines(new.texts[p], planned, p) for p in {nf.path for nf in new_findings}}
            for nf in new_findings:
                for k in _blame(spans[nf.path], nf.gap.line, nf.gap.end_line):
                    blame.setdefault(k, f"the fix introduces a new finding: {nf.rule} {nf.gap.message}")
        return None
    return new


def _record(failed, planned, reason):
    if failed is None:
        return
    for f, _ in planned:
        failed[_key(f)] = FailedFix(f, reason)


def process_source(src: SourceText, language: str, path: str, settings: Settings) -> FileResult:
    """One file as a module of its own."""
    return process_module([ModuleFile(path, src)], language, settings)[0]


def read_module(paths: Sequence[Tuple[Path, str, bool, bool]], settings: Settings):
    """Read and recognise the files of one module ((path, display, member, writable)).

    Returns (modules by language, results for files that cannot be read, displays of
    member files that are not IaC iacfix handles)."""
    by_language: Dict[str, List[ModuleFile]] = {}
    errors: List[FileResult] = []
    skipped: List[str] = []
    for path, display, member, writable in paths:
        try:
            src = read_source(path, settings.max_bytes)
        except SourceError as e:
            if member:
                errors.append(FileResult(path=display, error=str(e)))
            continue
        language = detect_language(path, src.text)
        if language is None:
            if member:
                skipped.append(display)
            continue
        if src.lone_cr:
            if member:
                errors.append(FileResult(path=display, language=language, error=(
                    "line endings mix CR-only (\\r) with LF; convert the file to one style (LF, CRLF or CR)")))
            continue
        by_language.setdefault(language, []).append(ModuleFile(display, src, member, writable, source=str(path)))
    return by_language, errors, skipped


# A parse tree is hundreds of thousands of long-lived objects: with Python's default
# thresholds (700, 10, 10) the collector runs every 700 allocations and its older
# generations re-scan the trees already built, so parsing (and re-parsing each pass of a
# fix) grew faster than the file (a 380 kB Terraform file: 2.0 s parsed, 0.8 s without
# collections). Young collections 70x rarer, full ones 10x: the same peak memory.
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    """Collect garbage at a pace fit for large parse trees (``GC_THRESHOLDS``): never more
    often than that, and only raised (an embedding program's own choice is kept)."""
    now = gc.get_threshold()
    if now[0] and now < GC_THRESHOLDS:
        gc.set_threshold(*GC_THRESHOLDS)


DEEP_STACK = 512 * 1024 * 1024  # reserved, not used: pages are touched only as deep as the work goes
DEEP_RECURSION = 20_000


def _deep(fn, *args):
    """``fn(*args)`` in a thread with a deep stack and a raised recursion limit: the
    parsers and tree walkers recurse once per level of nesting, and a file nested a few
    hundred levels deep (which the editors accept up to their limit) must not end in a
    RecursionError, nor a deeper one in a crash of the process."""
    if sys.getrecursionlimit() < DEEP_RECURSION:
        sys.setrecursionlimit(DEEP_RECURSION)
    tune_gc()
    box: Dict[str, object] = {}

    def run():
        try:
            box["value"] = fn(*args)
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    try:
        old = threading.stack_size(DEEP_STACK)
    except (ValueError, RuntimeError):  # a platform that does not let us choose
        return fn(*args)
    try:
        worker = threading.Thread(target=run, name="iacfix-module", daemon=True)
        worker.start()
    finally:
        threading.stack_size(old)
    worker.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]


def process_files(paths: Sequence[Tuple[Path, str, bool, bool]], settings: Settings):
    """Read, recognise and process the files of one module. Returns (results, skipped):
    skipped are the member files that are not IaC iacfix handles."""
    return _deep(_process_files, paths, settings)


PYTHON = ("cdk", "pulumi")  # languages whose modules are Python apps with packaging files


def _process_files(paths: Sequence[Tuple[Path, str, bool, bool]], settings: Settings):
    by_language, results, skipped = read_module(paths, settings)
    for language, files in by_language.items():
        try:
            sources = {mf.path: mf.source for mf in files}
            paths = [Path(mf.source or mf.path) for mf in files]
            package = package_of(paths) if language in PYTHON else go_package_of(paths) if language == "go" else None
            for res in process_module(files, language, settings, package):
                res.source = sources.get(res.path)
                results.append(res)
        except RecursionError:
            results.extend(FileResult(path=mf.path, language=language, error="file is nested too deeply to process")
                           for mf in files if mf.member)
        except Exception as e:  # never let one module stop the run
            tb = traceback.format_exc(limit=-3).strip().splitlines()[-1]
            results.extend(FileResult(path=mf.path, language=language,
                                      error=f"internal error: {type(e).__name__}: {e} ({tb})")
                           for mf in files if mf.member)
    return results, skipped


def process_path(path: Path, display: str, settings: Settings) -> Optional[FileResult]:
    """Read, recognise and process one file on its own. None when it is not IaC we handle."""
    results, skipped = process_files([(path, display, True, True)], settings)
    return results[0] if results else None
