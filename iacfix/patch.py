"""Unified diffs that ``git apply`` and unidiff accept, and atomic in-place writes."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path
from typing import Optional

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(old: str, new: str, path: str, context: int = 3) -> str:
    """A git-style unified diff of one file (``a/path`` → ``b/path``).

    Lines keep their own endings, so CRLF files yield CRLF hunks, and a
    missing final newline is marked the way git marks it.
    """
    if old == new:
        return ""
    a = old.splitlines(True)
    b = new.splitlines(True)
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    out = [f"--- a/{path}\n", f"+++ b/{path}\n"]
    # difflib.unified_diff matches with autojunk, which in files of 200+ lines treats
    # frequent lines (")", "tags=common_tags,") as junk and then shows unchanged lines
    # as removed and added again. Hunks are built here from a matcher without it.
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
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


def write_atomic(path: Path, text: str, expected_original: Optional[bytes] = None) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename.

    The file's permission bits are kept. When ``expected_original`` is given and
    the file on disk no longer holds it, nothing is written (ChangedOnDisk).
    """
    path = Path(path)
    if os.path.islink(path):  # discovery resolves named links; one here appeared meanwhile
        raise ChangedOnDisk("the file became a symbolic link while iacfix was running; not written")
    if expected_original is not None:
        with open(path, "rb") as fh:
            if fh.read() != expected_original:
                raise ChangedOnDisk("file changed on disk while iacfix was running; not written")
    st = os.stat(path)
    if not _writable(path):
        raise PermissionError("permission denied")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".iacfix", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
