"""Unified diffs that ``git apply`` and unidiff accept, and atomic in-place writes."""

from __future__ import annotations

import bisect
import contextlib
import difflib
import errno
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import Dict, Optional

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(old: str, new: str, path: str, context: int = 3) -> str:
    """A git-style unified diff of one file (``a/path`` → ``b/path``).

    Lines keep their own endings, so CRLF files yield CRLF hunks, and a
    missing final newline is marked the way git marks it.
    """
    if old == new:
        return ""
    a = git_lines(old)
    b = git_lines(new)
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    out = [f"--- {quote_path('a/' + path)}\n", f"+++ {quote_path('b/' + path)}\n"]
    # difflib.unified_diff matches with autojunk, which in files of 200+ lines treats
    # frequent lines (")", "tags=common_tags,") as junk and then shows unchanged lines
    # as removed and added again. Hunks are built here from a matcher without it.
    matcher = LineMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        (_, i1, _, j1, _), (_, _, i2, _, j2) = group[0], group[-1]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n")
        for tag, x1, x2, y1, y2 in group:
            lines = []
            if tag == "equal":
                lines = [" " + ln for ln in a[x1:x2]]
            else:
                lines = ["-" + ln for ln in a[x1:x2]] + ["+" + ln for ln in b[y1:y2]]
            for line in lines:
                out.append(line)
                if not line.endswith("\n"):
                    out.append("\n" + NO_NEWLINE)
    return "".join(out)


SMALL = 1_000_000  # line pairs that difflib compares quickly enough (it is quadratic in them)


class LineMatcher(difflib.SequenceMatcher):
    """difflib's matcher (without autojunk), cut into parts first on a large file.

    Matching every line of a large file against every other is quadratic when many lines
    repeat (``}``, blank lines): a 1,000-resource Terraform file took minutes. A large
    pair is first cut at the lines found exactly once in each (the anchors of a patience
    diff, kept in order as the longest increasing run), and difflib matches the parts
    between them; a small pair is matched as difflib always did."""

    def get_matching_blocks(self):
        if self.matching_blocks is not None:
            return self.matching_blocks
        blocks: list = []
        self._match(0, len(self.a), 0, len(self.b), blocks)
        merged: list = []
        for i, j, n in sorted(blocks):
            if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
                merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
            elif n:
                merged.append((i, j, n))
        merged.append((len(self.a), len(self.b), 0))
        self.matching_blocks = [difflib.Match(*m) for m in merged]
        return self.matching_blocks

    def _match(self, a1: int, a2: int, b1: int, b2: int, out: list) -> None:
        a, b = self.a, self.b
        if (a2 - a1) * (b2 - b1) <= SMALL:  # as difflib always matched it
            return self._difflib(a1, a2, b1, b2, out)
        while a1 < a2 and b1 < b2 and a[a1] == b[b1]:  # common head
            out.append((a1, b1, 1))
            a1, b1 = a1 + 1, b1 + 1
        while a1 < a2 and b1 < b2 and a[a2 - 1] == b[b2 - 1]:  # common tail
            a2, b2 = a2 - 1, b2 - 1
            out.append((a2, b2, 1))
        if a1 == a2 or b1 == b2:
            return
        anchors = _anchors(a, a1, a2, b, b1, b2)
        if not anchors:
            return self._difflib(a1, a2, b1, b2, out)
        for i, j in anchors:
            self._match(a1, i, b1, j, out)
            out.append((i, j, 1))
            a1, b1 = i + 1, j + 1
        self._match(a1, a2, b1, b2, out)

    def _difflib(self, a1: int, a2: int, b1: int, b2: int, out: list) -> None:
        part = difflib.SequenceMatcher(None, self.a[a1:a2], self.b[b1:b2], autojunk=False)
        out.extend((a1 + i, b1 + j, n) for i, j, n in part.get_matching_blocks() if n)


def _anchors(a, a1, a2, b, b1, b2) -> list:
    """(i, j) of lines found once in a[a1:a2] and once in b[b1:b2], the longest run of
    them in the same order in both (patience sorting)."""
    count: dict = {}
    for i in range(a1, a2):
        count[a[i]] = (count[a[i]][0] + 1, i) if a[i] in count else (1, i)
    in_b: dict = {}
    for j in range(b1, b2):
        if b[j] in count:
            in_b[b[j]] = (in_b[b[j]][0] + 1, j) if b[j] in in_b else (1, j)
    pairs = sorted((count[line][1], j) for line, (n, j) in in_b.items() if n == 1 and count[line][0] == 1)
    # longest increasing subsequence of j, by patience sorting
    tops: list = []  # tops[k]: index in pairs ending the best run of length k + 1
    back = [-1] * len(pairs)
    top_js: list = []
    for idx, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(top_js, j)
        if k:
            back[idx] = tops[k - 1]
        if k == len(tops):
            tops.append(idx)
            top_js.append(j)
        else:
            tops[k], top_js[k] = idx, j
    run, idx = [], tops[-1] if tops else -1
    while idx >= 0:
        run.append(pairs[idx])
        idx = back[idx]
    return run[::-1]


def git_lines(text: str) -> list:
    """Lines as git counts them: ended by LF only. ``str.splitlines`` also breaks at CR,
    \\f, \\v, \\x1c-\\x1e, \\x85, U+2028 and U+2029, which git sees inside a line."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


_C_ESCAPES = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r",
              '"': '\\"', "\\": "\\\\"}


def quote_path(name: str) -> str:
    """A file name in a patch header as git writes it: as is, or, when it holds a control
    character, a double quote or a backslash, in double quotes with C escapes (other
    bytes of non-ASCII characters in octal)."""
    if not any(ord(c) < 0x20 or c in '"\\\x7f' for c in name):
        return name
    out = []
    for c in name:
        if c in _C_ESCAPES:
            out.append(_C_ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append(f"\\{ord(c):03o}")
        elif ord(c) > 0x7f:
            out.append("".join(f"\\{b:03o}" for b in c.encode("utf-8", "surrogateescape")))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _range(start: int, stop: int) -> str:
    """A unified-diff range: 'start,length', 1-based; an empty range names the line before it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    if length == 0:
        return f"{start},0"
    return f"{start + 1},{length}"


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


class ChangedOnDisk(Exception):
    pass


CHANGED = "file changed on disk while iacfix was running; not written"
_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n))


@contextlib.contextmanager
def _signals_deferred():
    """Hold SIGTERM, SIGHUP and SIGINT while a file is written, then deliver them: a write
    is finished or not begun, and leaves no temporary file behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list = []
    previous = {}
    for sig in _SIGNALS:
        try:
            previous[sig] = signal.signal(sig, lambda signum, frame: received.append(signum))
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(received):
            signal.raise_signal(sig)


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns, a.st_ctime_ns) == \
        (b.st_dev, b.st_ino, b.st_size, b.st_mtime_ns, b.st_ctime_ns)


def _read_nofollow(path: Path):
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        return fh.read(), st


def _xattrs(path) -> Optional[Dict[str, bytes]]:
    """The file's extended attributes; None when some cannot be read (so cannot be copied)."""
    if not hasattr(os, "listxattr"):
        return {}
    try:
        return {n: os.getxattr(path, n, follow_symlinks=False) for n in os.listxattr(path, follow_symlinks=False)}
    except OSError as e:
        return {} if e.errno in (errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP)) else None


def _keep_metadata(tmp: str, st: os.stat_result, xattrs: Optional[Dict[str, bytes]]) -> bool:
    """Give the temporary file the original's owner, group, mode and extended attributes.
    False when one of them cannot be kept (then the file is written in place instead)."""
    if xattrs is None:
        return False
    try:
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
            os.chown(tmp, st.st_uid, st.st_gid)
        os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which may clear set-id bits
        for name, value in xattrs.items():
            os.setxattr(tmp, name, value)
    except OSError:
        return False
    return True


def write_atomic(path: Path, text: str, expected_original: Optional[bytes] = None) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename.

    The file's owner, group, permission bits and extended attributes are kept; a file
    with several hard links, or whose owner or attributes cannot be given to a new file,
    is written in place instead (after the same checks), so its links and identity stay.
    When ``expected_original`` is given and the file on disk no longer holds it — checked
    when reading and again right before the rename — nothing is written (ChangedOnDisk).
    SIGTERM, SIGHUP and SIGINT wait until the write is done; no temporary file is left.
    """
    path = Path(path)
    if os.path.islink(path):  # discovery resolves named links; one here appeared meanwhile
        raise ChangedOnDisk("the file became a symbolic link while iacfix was running; not written")
    data = text.encode("utf-8")
    with _signals_deferred():
        try:
            current, st = _read_nofollow(path)
        except OSError as e:
            if getattr(e, "errno", None) == errno.ELOOP:
                raise ChangedOnDisk("the file became a symbolic link while iacfix was running; not written") from None
            raise
        if not stat.S_ISREG(st.st_mode):
            raise ChangedOnDisk("the file is no longer a regular file; not written")
        if expected_original is not None and current != expected_original:
            raise ChangedOnDisk(CHANGED)
        if not _writable(path):
            raise PermissionError("permission denied")
        if st.st_nlink > 1:
            _write_in_place(path, data, st, current)
            return
        xattrs = _xattrs(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".iacfix", dir=str(path.parent))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if not _keep_metadata(tmp, st, xattrs):
                os.unlink(tmp)
                _write_in_place(path, data, st, current)
                return
            # The last look, right before the rename: a save since the first read wins.
            again, st2 = _read_nofollow(path)
            if again != current or not _same(st, st2):
                raise ChangedOnDisk(CHANGED)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


def _write_in_place(path: Path, data: bytes, st: os.stat_result, current: bytes) -> None:
    """Overwrite the file's content through its own inode (hard links, owner and attributes
    stay), after checking once more, on the open file, that nobody changed it."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "r+b") as fh:
        now = os.fstat(fh.fileno())
        if not _same(st, now) or fh.read() != current:
            raise ChangedOnDisk(CHANGED)
        fh.seek(0)
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())
