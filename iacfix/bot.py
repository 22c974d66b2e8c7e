"""``iacfix pr``: keep one pull request with iacfix's fixes open, like Renovate does.

Every run is stateless. It rebuilds the fix branch from the base branch (one
commit per codemod, in catalog order), compares the result with the branch on
the remote, and then does the least that makes the forge match:

* fixes, no branch yet          → push the branch, open the pull request;
* fixes, same tree as the branch → nothing (no push, no edit);
* fixes, different tree         → force-push the rebuilt branch, edit the pull request;
* no fixes, branch or PR exists → close the pull request, delete the branch;
* fixes, but the last PR with exactly these fixes was closed unmerged → nothing;
* the branch has a commit iacfix did not make → refuse to touch it (exit 1).

The user's checkout is never touched: the base tree is written to a temporary
directory through a temporary index, and the commits are made with
``git commit-tree``. Only remote-tracking refs (fetch, push) and git objects
change in the local repository; ``--dry-run`` writes its objects to a temporary
object directory, so it changes nothing at all.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import click

from iacfix.codemods.spec import Codemod
from iacfix import report
from iacfix.forge import DEFAULT_API_URL, ForgeError, GitHub, repo_from_url
from iacfix.core import Finding
from iacfix.patch import write_atomic
from iacfix.redact import redact, remember
from iacfix.runner import run_paths
from iacfix.sources import within
from iacfix.settings import Run, UsageError

BOT_NAME = "iacfix"
BOT_EMAIL = "iacfix@users.noreply.github.com"
SUBJECT_PREFIX = "fix(iac):"


class BotError(Exception):
    """Stops the run with ``iacfix: error: <text>`` and exit code ``code``."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


# -- git ---------------------------------------------------------------------------


class Git:
    """Runs git in ``cwd`` with extra global ``args`` and environment."""

    def __init__(self, cwd: str, args: Sequence[str] = (), env: Optional[Dict[str, str]] = None):
        self.cwd = cwd
        self.args = list(args)
        self.env = dict(env or {})

    def run(self, *args: str, input: Optional[str] = None, env: Optional[Dict[str, str]] = None,
            check: bool = True) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", **self.env, **(env or {})}
        try:
            proc = subprocess.run(["git", *self.args, *args], cwd=self.cwd, env=full_env, input=input,
                                  capture_output=True, encoding="utf-8", errors="replace")
        except FileNotFoundError:
            raise BotError("git is not installed (or not on PATH)", code=2) from None
        if check and proc.returncode != 0:
            raise BotError(f"git {args[0]} failed: {_git_reason(proc.stderr)}", code=2)
        return proc

    def __call__(self, *args: str, **kw) -> str:
        return self.run(*args, **kw).stdout.strip()

    def ok(self, *args: str) -> Optional[str]:
        """stdout when git succeeds, None when it fails."""
        proc = self.run(*args, check=False)
        return proc.stdout.strip() if proc.returncode == 0 else None


def _git_reason(stderr: str) -> str:
    stderr = redact(stderr)
    lines = []
    for ln in stderr.splitlines():
        ln = ln.strip()
        if ln.startswith("remote:"):
            ln = ln[len("remote:"):].strip()
        if ln and not ln.startswith(("hint:", "To ", "error: failed to push some refs")):
            lines.append(ln)
    return "; ".join(lines)[:500] or "no error message"


@dataclass(frozen=True)
class Identity:
    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


def parse_identity(text: str) -> Identity:
    m = re.fullmatch(r"\s*([^<>]+?)\s*<([^<>\s]+)>\s*", text)
    if m is None:
        raise BotError(f"--author must look like 'Name <email>', not {text!r}", code=2)
    return Identity(m.group(1), m.group(2))


def bot_identities(author: Optional[str], env=os.environ) -> Tuple[Identity, Identity]:
    """(author, committer): --author, else GIT_AUTHOR_NAME/EMAIL, else iacfix; the committer
    is GIT_COMMITTER_NAME/EMAIL when set, else the author."""
    if author:
        a = parse_identity(author)
    else:
        a = Identity(env.get("GIT_AUTHOR_NAME") or BOT_NAME, env.get("GIT_AUTHOR_EMAIL") or BOT_EMAIL)
    c = Identity(env.get("GIT_COMMITTER_NAME") or a.name, env.get("GIT_COMMITTER_EMAIL") or a.email)
    return a, c


# -- building the commits ------------------------------------------------------------


@dataclass
class Fix:
    """One fixed finding; ``line`` is the resource's line after the commit, ``final_line`` on the branch tip."""

    path: str
    line: int
    finding: Finding
    final_line: int = 0


@dataclass
class CodemodCommit:
    codemod: Codemod
    sha: str
    tree: str
    message: str
    files: List[str]
    fixes: List[Fix] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return self.message.splitlines()[0]


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _resources(fixes: List[Fix]) -> List[Fix]:
    """One fix per resource, in file and line order."""
    seen = set()
    out = []
    for fx in sorted(fixes, key=lambda fx: (fx.path, fx.line)):
        key = (fx.path, fx.finding.gap.resource_type, fx.finding.gap.resource_name)
        if key not in seen:
            seen.add(key)
            out.append(fx)
    return out


def line_map(old: str, new: str) -> Callable[[int], int]:
    """Where a line of ``old`` is in ``new`` (a changed line: where its replacement starts)."""
    ops = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False).get_opcodes()

    def where(line: int) -> int:
        i = line - 1
        for tag, i1, i2, j1, _j2 in ops:
            if i1 <= i < i2:
                return j1 + (i - i1 if tag == "equal" else 0) + 1
        return line

    return where


def commit_message(cm: Codemod, fixes: List[Fix]) -> str:
    res = _resources(fixes)
    n = len(res)
    subject = f"{SUBJECT_PREFIX} {_lower_first(cm.title)} ({n} resource{'s' if n != 1 else ''})"
    body = [f"{cm.id} {cm.slug}" + (f" (Checkov {', '.join(cm.checkov)})" if cm.checkov else ""), ""]
    body += [f"{fx.path}:{fx.line} {fx.finding.gap.resource_type} {fx.finding.gap.resource_name}" for fx in res]
    return subject + "\n\n" + "\n".join(body) + "\n"


def checkout_base(git_dir: str, base_sha: str, tmp: Path, object_env: Dict[str, str]) -> Git:
    """Write the base tree to ``tmp/tree`` through a temporary index; a Git for that tree."""
    wt = tmp / "tree"
    wt.mkdir()
    g = Git(str(wt), ["--git-dir", git_dir, "--work-tree", str(wt)],
            {"GIT_INDEX_FILE": str(tmp / "index"), **object_env})
    g("read-tree", base_sha)
    g("checkout-index", "--all")
    return g


def build_commits(g: Git, base_sha: str, rel_paths: List[str], run, chosen: List[Codemod], jobs,
                  author: Identity, committer: Identity) -> Tuple[List[CodemodCommit], List[str]]:
    """Fix and commit one codemod at a time on top of ``base_sha`` in the tree of ``g``: each
    codemod of ``chosen`` on the files whose configuration (``run``: the nearest one upward,
    as ``iacfix fix`` reads it) selects it, with that configuration's parameters.

    Returns the commits (oldest first) and warning lines for files that could not
    be processed or fixes that failed verification.
    """
    wt = Path(g.cwd)
    targets = [str(wt / p) for p in rel_paths]

    def rel(path: str) -> str:
        return os.path.relpath(path, wt)

    commits: List[CodemodCommit] = []
    warnings: Dict[str, None] = {}  # ordered set
    parent, parent_tree = base_sha, g("rev-parse", f"{base_sha}^{{tree}}")
    states: Dict[str, List[Tuple[str, List[Fix]]]] = {}  # path -> [(its text after a commit, that commit's fixes)]
    for cm in chosen:
        results, errors = run_paths(targets, None, jobs=jobs, progress=False, run=run.only(cm))
        for path, reason in errors:
            warnings[report.error_line(rel(path), reason)] = None
        for r in results:
            if r.error:
                warnings[report.error_line(rel(r.path), r.error, r.error_line)] = None
            for ff in r.failed:
                gp = ff.finding.gap
                warnings[f"{rel(r.path)}:{gp.line}:{gp.column}: {ff.finding.rule} could not fix: {ff.reason}"] = None
        changed = [r for r in results if r.changed]
        if not changed:
            continue
        for r in changed:
            target = r.source or r.path
            if not within(os.path.realpath(target), os.path.realpath(wt)):  # discovery follows no link out
                raise BotError(f"{rel(r.path)} leads outside the repository; not written")
            write_atomic(Path(target), r.new, expected_original=r.original.encode("utf-8"))
        files = sorted(rel(r.path) for r in changed)
        g("add", "--", *files)
        tree = g("write-tree")
        if tree == parent_tree:
            continue
        fixes: List[Fix] = []
        for r in changed:
            after = line_map(r.original, r.new)
            mine = [Fix(rel(r.path), after(f.gap.line), f) for f in r.fixed]
            states.setdefault(rel(r.path), []).append((r.new, mine))
            fixes += mine
        message = commit_message(cm, fixes)
        sha = g("commit-tree", tree, "-p", parent, "-F", "-", input=message, env={
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
            "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email,
        })
        commits.append(CodemodCommit(cm, sha, tree, message, files, fixes))
        parent, parent_tree = sha, tree
    for path, texts in states.items():  # each fix's line in the file as the branch tip has it
        with open(wt / path, encoding="utf-8", newline="") as fh:
            final = fh.read()
        for text, fixes in texts:
            where = line_map(text, final)
            for fx in fixes:
                fx.final_line = where(fx.line)
    return commits, list(warnings)


# -- the pull request ------------------------------------------------------------------


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return re.split(r"(?<=[.!?])\s+(?=[A-Z`(])", text, maxsplit=1)[0]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def fingerprint(commits: List[CodemodCommit]) -> str:
    """Names the set of fixes (not the lines or the base), to recognise a pull request closed unmerged."""
    keys = sorted(f"{fx.path}|{fx.finding.key}" for c in commits for fx in c.fixes)
    return hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:16]


# GitHub refuses a pull request whose title or body is longer than these (422 Validation Failed,
# "title is too long (maximum is 256 characters)", "body is too long (maximum is 65536
# characters)"); both are counted in characters, which Python's len() counts.
MAX_TITLE = 256
MAX_BODY = 65536
ELLIPSIS = "\u2026"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + ELLIPSIS


def pr_title(commits: List[CodemodCommit], scope: str = "", limit: int = MAX_TITLE) -> str:
    """The pull request's title, at most ``limit`` characters: the commit's subject for one
    codemod, else the codemods' slugs (their count when the slugs do not fit); ``scope``
    (the paths of a pull request that does not cover the whole repository) is named."""
    where = f" in {scope}" if scope else ""
    if len(commits) == 1:
        return _clip(commits[0].subject + where, limit)
    slugs = ", ".join(c.codemod.slug for c in commits)
    title = f"{SUBJECT_PREFIX} production fixes from iacfix{where} ({slugs})"
    if len(title) > limit:
        title = f"{SUBJECT_PREFIX} production fixes from iacfix{where} ({len(commits)} codemods)"
    return _clip(title, limit)


DETAILS_FROM = 20  # a codemod's table of more rows than this is folded in a <details> section


def pr_body(commits: List[CodemodCommit], base: str, scope: str = "", limit: int = MAX_BODY) -> str:
    """The pull request's body, at most ``limit`` characters. Each codemod's table lists its
    resources (folded when long); when they do not all fit, the table ends with a line saying
    how many are left out, and the codemod's commit message lists every one."""
    n = sum(len(_resources(c.fixes)) for c in commits)
    files = {f for c in commits for f in c.files}
    where = f" under `{scope}`" if scope else ""
    head = [
        f"<!-- iacfix pr: fixes {fingerprint(commits)} -->",
        f"iacfix fixed {n} resource{'s' if n != 1 else ''} in {len(files)} file{'s' if len(files) != 1 else ''}"
        f"{where}, one commit per codemod. Every fix was verified: the file still parses, the finding is gone, "
        f"and running iacfix again changes nothing.",
    ]
    foot = [
        "",
        "---",
        f"Opened by `iacfix pr`. Every run rebuilds this branch from `{base}`: it is updated when the fixes "
        f"change and closed when nothing is left to fix. A commit pushed here by anyone else stops the bot "
        f"from touching the branch. To leave a finding alone, suppress it with `# iacfix: ignore[ID]` or "
        f"`ignore` in the configuration.",
    ]
    sections = []  # (lines before the rows, rows, folded)
    for c in commits:
        cm = c.codemod
        res = _resources(c.fixes)
        top = ["", f"### {cm.id} `{cm.slug}`: {cm.title}", "", _first_sentence(cm.rationale), ""]
        folded = len(res) > DETAILS_FROM
        if folded:
            top += [f"<details><summary>{len(res)} resources</summary>", ""]
        th = "| file:line | resource | fix |"
        rule = "|---|---|---|"
        if cm.checkov:
            th += " Checkov |"
            rule += "---|"
        top += [th, rule]
        rows = []
        for fx in res:
            g = fx.finding.gap
            row = f"| `{fx.path}:{fx.final_line}` | `{g.resource_type}` {_cell(g.resource_name)} | {_cell(g.message)} |"
            if cm.checkov:
                row += f" {', '.join(cm.checkov)} |"
            rows.append(row)
        sections.append((top, rows, folded, c))

    def size(lines: List[str]) -> int:
        return sum(len(x) + 1 for x in lines)

    def left_out(k: int, c: CodemodCommit) -> str:
        return (f"\n{k} more resource{'s' if k != 1 else ''} not listed here (GitHub limits a pull request's "
                f"body to {MAX_BODY} characters): the message of commit {c.sha[:12]} lists every one.")

    # Rows are given out in order within what is left once every fixed part and every
    # possible "N more" line is counted; the remainder of each table is summed up.
    fixed = size(head) + size(foot) + sum(size(top) + (12 if folded else 0) for top, _r, folded, _c in sections)
    budget = limit - fixed - sum(len(left_out(len(rows), c)) + 1 for _t, rows, _f, c in sections)
    out = list(head)
    for top, rows, folded, c in sections:
        out += top
        shown = 0
        for row in rows:
            if len(row) + 1 > budget:
                break
            out.append(row)
            budget -= len(row) + 1
            shown += 1
        if shown < len(rows):
            out.append(left_out(len(rows) - shown, c))
            budget = -1  # keep the tables in order: once one is cut, the next ones list nothing
        if folded:
            out += ["", "</details>"]
    out += foot
    return _clip("\n".join(out) + "\n", limit)


# -- the run ----------------------------------------------------------------------------


@dataclass
class Options:
    paths: Tuple[str, ...]
    base: Optional[str]
    remote: str
    repo: Optional[str]
    branch_prefix: str
    select: Tuple[str, ...]
    ignore: Tuple[str, ...]
    config: Optional[str]
    unsafe_fixes: bool
    draft: bool
    labels: List[str]
    author: Optional[str]
    api_url: str
    jobs: Optional[int]
    dry_run: bool
    branch: Optional[str] = None
    group: str = "all"
    fmt: str = "text"


GROUPS = ("all", "directory", "codemod")
_TO_STDERR = [False]  # --format json: stdout is the summary alone, every message goes to stderr


def _echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Everything ``iacfix pr`` prints goes through here: no URL credentials, no token."""
    click.echo(redact(text), err=err or _TO_STDERR[0], nl=nl)


def _say(msg: str) -> None:
    _echo(f"iacfix: {msg}")


def default_base(git: Git, remote: str) -> str:
    """The remote's default branch (remote HEAD, then ls-remote), else the current branch."""
    ref = git.ok("symbolic-ref", "--quiet", f"refs/remotes/{remote}/HEAD")
    if ref and ref.startswith(f"refs/remotes/{remote}/"):
        return ref[len(f"refs/remotes/{remote}/"):]
    out = git.ok("ls-remote", "--symref", remote, "HEAD") or ""
    m = re.search(r"^ref: refs/heads/(\S+)\s+HEAD$", out, re.M)
    if m:
        return m.group(1)
    current = git.ok("symbolic-ref", "--quiet", "--short", "HEAD")
    if current:
        return current
    raise BotError(f"cannot tell the base branch of remote {remote!r}; pass --base", code=2)


def foreign_commits(git: Git, branch_sha: str, base_sha: str, author: Identity, committer: Identity) -> List[str]:
    """Commits on the branch (not on the base) that iacfix did not make, as one-line descriptions."""
    out = git("log", "--format=%h%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%s", branch_sha, "--not", base_sha)
    bad = []
    for line in out.splitlines():
        h, an, ae, cn, ce, subject = line.split("\x1f", 5)
        if (Identity(an, ae) != author or Identity(cn, ce) != committer
                or not subject.startswith(SUBJECT_PREFIX)):
            bad.append(f"{h} by {an} <{ae}>: {subject!r}")
    return bad


def scope_of(rel_paths: Sequence[str]) -> List[str]:
    """The paths a pull request covers, normalised and sorted; [] for the whole repository."""
    paths = sorted({Path(os.path.normpath(p)).as_posix() for p in rel_paths} or {"."})
    return [] if "." in paths else paths


def branch_name(prefix: str, label: str, rel_paths: Sequence[str]) -> str:
    """``<prefix><label>`` for the whole repository; else the paths, readable, and a digest of the
    exact path set, so that ``iacfix pr team-a`` and ``iacfix pr team-b`` keep separate branches
    (one flat name: ``iacfix/all`` and ``iacfix/all/x`` could not both exist in git)."""
    scope = scope_of(rel_paths)
    if not scope:
        return prefix + label
    readable = re.sub(r"[^A-Za-z0-9._]+", "-", "+".join(scope))
    readable = re.sub(r"\.{2,}", ".", readable)[:40].strip("-.")
    digest = hashlib.sha1("\0".join(scope).encode("utf-8")).hexdigest()[:8]
    return f"{prefix}{label}-{readable}-{digest}" if readable else f"{prefix}{label}-{digest}"


@dataclass
class Group:
    """One pull request: its branch, the paths it covers and its commits."""

    branch: str
    paths: List[str]
    codemods: List[str]
    commits: List[CodemodCommit]

    @property
    def scope(self) -> str:
        return " ".join(scope_of(self.paths))


@dataclass
class Outcome:
    """What a run did to one pull request (``--format json``)."""

    branch: str
    paths: List[str]
    action: str = "nothing"  # opened, updated, unchanged, closed, deleted, dismissed, nothing, refused, failed, dry-run
    number: Optional[int] = None
    url: Optional[str] = None
    commits: int = 0
    resources: int = 0
    message: str = ""

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


def fix_branches(git: Git, opts: Options, rel_paths: List[str], base: str, base_sha: str, author: Identity,
                 committer: Identity) -> List[Group]:
    """Every pull request's branch and commits (per ``--group``), each built in its own
    temporary tree from the base (warnings go to stderr)."""
    groups: List[Group] = []
    warnings: Dict[str, None] = {}
    shown = dict(zip(rel_paths, opts.paths or (".",)))
    with tempfile.TemporaryDirectory(prefix="iacfix-pr-") as tmpdir:
        tmp = Path(tmpdir)
        object_env = {}
        if opts.dry_run:  # new objects go to a scratch object store that reads the real one
            (tmp / "objects").mkdir()
            real = os.path.join(git.cwd, git("rev-parse", "--git-path", "objects"))
            object_env = {"GIT_OBJECT_DIRECTORY": str(tmp / "objects"), "GIT_ALTERNATE_OBJECT_DIRECTORIES": real}
        git_dir = git("rev-parse", "--absolute-git-dir")
        count = [0]

        def prepare(paths: List[str]):
            count[0] += 1
            work = tmp / f"g{count[0]}"
            work.mkdir()
            tree_git = checkout_base(git_dir, base_sha, work, object_env)
            root = os.path.realpath(tree_git.cwd)
            inside_paths = []
            for rel in paths:
                p = shown.get(rel, rel)
                # The base branch may hold links the checkout does not: every path is resolved in
                # the tree that is read and written, and one that leads out of it is refused.
                if not os.path.lexists(Path(root) / rel):  # else a typo would look like "nothing left to fix"
                    raise BotError(f"{p} does not exist on {opts.remote}/{base}", code=2)
                real = os.path.realpath(Path(root) / rel)
                if not within(real, root):
                    raise BotError(f"{p} is a symbolic link on {opts.remote}/{base} that leads outside the "
                                   f"repository; not read or written", code=2)
                if not os.path.exists(real):
                    raise BotError(f"{p} is a symbolic link on {opts.remote}/{base} that leads nowhere", code=2)
                inside_paths.append(os.path.relpath(real, root))
            run, chosen = _settings([str(Path(root) / p) for p in inside_paths], opts, root)
            return tree_git, inside_paths, run, chosen

        def build(paths: List[str], only: Optional[str] = None) -> None:
            tree_git, inside, run, chosen = prepare(paths)
            if only is not None:
                chosen = [c for c in chosen if c.slug == only]
            label = chosen[0].slug if len(chosen) == 1 else "all"
            branch = opts.branch or branch_name(opts.branch_prefix, label, paths)
            commits, warned = build_commits(tree_git, base_sha, inside, run, chosen, opts.jobs,
                                            author, committer)
            warnings.update(dict.fromkeys(warned))
            groups.append(Group(branch, list(paths), [c.slug for c in chosen], commits))

        if opts.group == "directory":
            for rel in dict.fromkeys(rel_paths):
                build([rel])
        elif opts.group == "codemod":
            _tree, _inside, _run, chosen = prepare(rel_paths)
            for cm in chosen:
                build(rel_paths, cm.slug)
        else:
            build(rel_paths)
    for w in warnings:
        _echo(w, err=True)
    return groups


def publish(git: Git, forge: GitHub, opts: Options, base: str, group: Group, remote_sha: Optional[str],
            out: Outcome) -> int:
    """Make the remote branch and the pull request match the group's commits (none: close and delete)."""
    branch, commits = group.branch, group.commits
    if not commits:
        if not remote_sha:
            _say(f"nothing to fix; no pull request open" + (f" ({branch})" if group.scope else ""))
            return 0
        pull = forge.open_pull(branch)
        if pull:
            forge.close_pull(pull["number"])
            out.action, out.number, out.url = "closed", pull["number"], pull.get("html_url")
        else:
            out.action = "deleted"
        _push(git, opts.remote, branch, remote_sha, None)
        closed = f"closed pull request #{pull['number']} and " if pull else ""
        _say(f"nothing left to fix; {closed}deleted branch {branch}")
        return 0

    tip = commits[-1]
    title, body = pr_title(commits, group.scope), pr_body(commits, base, group.scope)
    same_tree = remote_sha is not None and git("rev-parse", f"{remote_sha}^{{tree}}") == tip.tree
    pull = forge.open_pull(branch)
    if pull is None:
        closed = forge.last_closed_pull(branch)
        if closed and not closed.get("merged_at") and fingerprint(commits) in (closed.get("body") or ""):
            out.action, out.number, out.url = "dismissed", closed["number"], closed.get("html_url")
            _say(f"pull request #{closed['number']} with these fixes was closed without merging; not opening "
                 f"it again until the fixes change")
            return 0
    if not same_tree:
        _push(git, opts.remote, branch, remote_sha, tip.sha)
    what = f"{len(commits)} commit{'s' if len(commits) != 1 else ''}"
    if pull is None:
        pull = forge.create_pull(title, body, branch, base, draft=opts.draft)
        if opts.labels:
            forge.add_labels(pull["number"], opts.labels)
        out.action = "opened"
        _say(f"opened pull request #{pull['number']} {pull.get('html_url', '')} ({branch}, {what})")
    elif not same_tree:
        forge.update_pull(pull["number"], title=title, body=body)
        if opts.labels:
            forge.add_labels(pull["number"], opts.labels)
        out.action = "updated"
        _say(f"updated branch {branch} and pull request #{pull['number']} ({what})")
    else:
        out.action = "unchanged"
        _say(f"pull request #{pull['number']} is up to date ({branch}, {what})")
    out.number, out.url = pull["number"], pull.get("html_url")
    return 0


def check_branch_name(name: str, option: str) -> None:
    """A name that cannot be a branch is a usage error now, not a failed push later."""
    g = Git(os.getcwd())
    if g.run("check-ref-format", "--branch", name, check=False).returncode != 0 \
            or g.run("check-ref-format", f"refs/heads/{name}", check=False).returncode != 0:
        raise BotError(f"{option} {name if option == '--branch' else name[:-3]!r} does not make a valid git "
                       f"branch name (see `git check-ref-format`)", code=2)


def check_branch_prefix(prefix: str) -> None:
    check_branch_name(prefix + "all", "--branch-prefix")


def run(opts: Options, outcomes: Optional[List[Outcome]] = None) -> int:
    """Open, update or close each pull request of the run; ``outcomes`` receives what was done to each."""
    outcomes = [] if outcomes is None else outcomes
    check_branch_prefix(opts.branch_prefix)
    if opts.branch is not None:
        if opts.group != "all" and not (opts.group == "directory" and len(set(opts.paths)) <= 1):
            raise BotError(f"--branch names one branch; --group {opts.group} makes one per "
                           f"{opts.group}: leave --branch out (branches are named by --branch-prefix)", code=2)
        check_branch_name(opts.branch, "--branch")
    cwd = os.getcwd()
    top = Git(cwd).ok("rev-parse", "--show-toplevel")
    if not top:
        raise BotError("not inside a git checkout (run `iacfix pr` in a clone of the repository)", code=2)
    git = Git(top)
    url = git.ok("remote", "get-url", opts.remote)
    if url is None:
        raise BotError(f"no git remote named {opts.remote!r} (see `git remote -v`; pass --remote)", code=2)
    author, committer = bot_identities(opts.author)

    forge = None
    if not opts.dry_run:
        token = os.environ.get("GITHUB_TOKEN")
        remember(token or "")
        if not token:
            raise BotError("GITHUB_TOKEN is not set; iacfix pr needs a token that may push and open pull requests",
                           code=2)
        repo = opts.repo or repo_from_url(url)
        if not repo or repo.count("/") != 1:
            raise BotError(f"cannot tell the GitHub repository from remote {opts.remote!r} ({url}); "
                           f"pass --repo owner/name", code=2)
        forge = GitHub(token, repo, opts.api_url)

    rel_paths = []
    for p in opts.paths or (".",):
        rel = os.path.relpath(os.path.realpath(p), os.path.realpath(top))
        if rel == ".." or rel.startswith(".." + os.sep):
            raise BotError(f"{p} is outside the repository {top}", code=2)
        rel_paths.append(rel)

    base = opts.base or default_base(git, opts.remote)
    tracking = f"refs/remotes/{opts.remote}/{base}"
    if not opts.dry_run:
        git("fetch", "--quiet", "--no-tags", opts.remote, f"+refs/heads/{base}:{tracking}")
    base_sha = git.ok("rev-parse", "--verify", "--quiet", f"{tracking}^{{commit}}")
    if base_sha is None and opts.dry_run:
        base_sha = git.ok("rev-parse", "--verify", "--quiet", f"refs/heads/{base}^{{commit}}")
    if base_sha is None:
        raise BotError(f"base branch {base!r} not found on remote {opts.remote!r}", code=2)

    groups = fix_branches(git, opts, rel_paths, base, base_sha, author, committer)
    code = 0
    for group in groups:
        out = Outcome(group.branch, scope_of(group.paths) or ["."], commits=len(group.commits),
                      resources=sum(len(_resources(c.fixes)) for c in group.commits))
        outcomes.append(out)
        try:
            code = max(code, _one(git, forge, opts, base, base_sha, group, author, committer, out))
        except (BotError, ForgeError) as e:  # the other pull requests are still looked after
            _echo(f"iacfix: error: {e}", err=True)
            out.action, out.message = "failed", str(e)
            code = max(code, getattr(e, "code", 1))
    return code


def _one(git, forge, opts, base, base_sha, group: Group, author, committer, out: Outcome) -> int:
    branch = group.branch
    remote_sha = None
    line = git("ls-remote", "--heads", opts.remote, f"refs/heads/{branch}")
    if line:
        remote_sha = line.split()[0]
        if not opts.dry_run:
            git("fetch", "--quiet", "--no-tags", opts.remote,
                f"+refs/heads/{branch}:refs/remotes/{opts.remote}/{branch}")

    if opts.dry_run:
        out.action = "dry-run"
        return _dry_run(git, opts, base, base_sha, group, remote_sha, author, committer, out)

    if remote_sha:
        foreign = foreign_commits(git, remote_sha, base_sha, author, committer)
        if foreign:
            msg = (f"branch {branch} on {opts.remote} has {len(foreign)} commit{'s' if len(foreign) != 1 else ''} "
                   f"iacfix did not make ({'; '.join(foreign[:3])}); not touching it. Merge or close its pull "
                   f"request, or delete the branch.")
            _echo(f"iacfix: error: {msg}", err=True)
            out.action, out.message = "refused", msg
            return 1

    return publish(git, forge, opts, base, group, remote_sha, out)


def _settings(tree_paths: List[str], opts: Options, root: str):
    """The run as ``iacfix fix`` has it, read from the base branch's files: each file governed by
    the nearest configuration upward (looked for up to the tree's root, and only inside it), and
    the codemods those configurations select, in catalog order."""
    try:
        run = Run(opts.select, opts.ignore, opts.config, opts.unsafe_fixes, fix=True, root=root)
        return run, run.codemods_for(tree_paths)
    except UsageError as e:
        _echo(f"iacfix: error: {e}", err=True)
        sys.exit(2)


def _push(git: Git, remote: str, branch: str, expected: Optional[str], new: Optional[str]) -> None:
    """Set (or with ``new`` None delete) the remote branch, only if it still is at ``expected``."""
    ref = f"refs/heads/{branch}"
    proc = git.run("push", "--quiet", f"--force-with-lease={ref}:{expected or ''}", remote,
                   f"{new}:{ref}" if new else f":{ref}", check=False)
    if proc.returncode != 0:
        raise BotError(f"push to {remote} rejected for {branch}: {_git_reason(proc.stderr)}", code=2)


def _dry_run(git, opts, base, base_sha, group: Group, remote_sha, author, committer,
             out: Optional[Outcome] = None) -> int:
    branch, commits = group.branch, group.commits
    _echo(f"branch: {branch} (from {opts.remote}/{base} at {base_sha[:12]})")
    for i, c in enumerate(commits, 1):
        _echo(f"\ncommit {i}/{len(commits)} by {author}:")
        _echo(textwrap.indent(c.message, "    "), nl=False)
        _echo("  files:")
        for f in c.files:
            _echo(f"    {f}")
    if commits:
        _echo(f"\ntitle: {pr_title(commits, group.scope)}\n\nbody:\n{pr_body(commits, base, group.scope)}")
    if not commits:
        action = "would delete the branch and close its pull request" if remote_sha else "nothing to fix"
    elif remote_sha is None:
        action = "would push the branch and open a pull request"
    elif git.ok("cat-file", "-e", f"{remote_sha}^{{tree}}") is None:
        action = f"the remote branch is at {remote_sha[:12]}, which is not fetched: would compare and update"
    elif git("rev-parse", f"{remote_sha}^{{tree}}") == commits[-1].tree:
        action = "the remote branch already has these fixes: would change nothing"
    else:
        action = "would force-push the rebuilt branch and update its pull request"
    if remote_sha and git.ok("cat-file", "-e", f"{remote_sha}^{{commit}}") is not None:
        foreign = foreign_commits(git, remote_sha, base_sha, author, committer)
        if foreign:
            action = f"would refuse: the branch has commits iacfix did not make ({'; '.join(foreign[:3])})"
    if out is not None:
        out.message = action
    _say(f"dry run: {action}; nothing was pushed")
    return 0



@click.command("pr")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--base", help="Base branch (default: the remote's default branch).")
@click.option("--remote", default="origin", show_default=True, help="Git remote to push to.")
@click.option("--repo", help="GitHub repository owner/name (default: from the remote's URL).")
@click.option("--branch-prefix", default="iacfix/", show_default=True, help="Prefix of the fix branch.")
@click.option("--branch", help="Name of the fix branch (default: from --branch-prefix, the codemods and the paths).")
@click.option("--group", type=click.Choice(GROUPS), default="all", show_default=True,
              help="One pull request for everything, one per PATH (directory), or one per codemod.")
@click.option("--select", multiple=True, help="Only these codemods (ids, slugs or Checkov ids, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these codemods (ids, slugs or Checkov ids, comma-separated).")
@click.option("--config", type=click.Path(), help="Configuration file (overrides discovery).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change an explicit value.")
@click.option("--draft", is_flag=True, help="Open the pull request as a draft.")
@click.option("--label", "labels", multiple=True, help="Label for the pull request (repeatable, comma-separated).")
@click.option("--author", help="Commit author 'Name <email>' (default: GIT_AUTHOR_NAME/EMAIL, else iacfix).")
@click.option("--api-url", envvar="GITHUB_API_URL", default=DEFAULT_API_URL, show_default=True,
              help="GitHub API URL (GitHub Enterprise: https://HOST/api/v3).")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None, help="Parallel workers.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: print a summary of what was done to each pull request on stdout (messages on stderr).")
@click.option("--dry-run", is_flag=True, help="Print the branch, commits and pull request; change nothing.")
def pr_command(paths, base, remote, repo, branch_prefix, branch, group, select, ignore, config, unsafe_fixes, draft,
               labels, author, api_url, jobs, fmt, dry_run):
    """Open or update pull requests with the fixes, one commit per codemod."""
    labels = [x.strip() for v in labels for x in v.split(",") if x.strip()]
    opts = Options(paths, base, remote, repo, branch_prefix, select, ignore, config, unsafe_fixes, draft,
                   labels, author, api_url, jobs, dry_run, branch, group, fmt)
    outcomes: List[Outcome] = []
    _TO_STDERR[0] = fmt == "json"
    error = None
    try:
        code = run(opts, outcomes)
    except (BotError, ForgeError) as e:
        _echo(f"iacfix: error: {e}", err=True)
        code, error = getattr(e, "code", 1), str(e)
    except SystemExit as e:  # a configuration error (exit 2) still gets its summary
        code, error = (e.code if isinstance(e.code, int) else 1), "configuration error"
    finally:
        _TO_STDERR[0] = False
    if fmt == "json":
        counts: Dict[str, int] = {}
        for o in outcomes:
            counts[o.action] = counts.get(o.action, 0) + 1
        click.echo(redact(json.dumps({"exit_code": code, "error": error, "counts": counts,
                                      "pull_requests": [o.to_json() for o in outcomes]}, indent=2)))
    sys.exit(code)
