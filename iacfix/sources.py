"""Reading source files safely and deciding which IaC language a file is in.

The engine works on *normalised* text: BOM removed and, for files whose every
line ends in CRLF (or in CR alone), newlines turned into LF. ``SourceText.restore``
turns edited text back into the file's own form, so CRLF, CR, BOM and a missing
final newline survive untouched.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

DEFAULT_MAX_BYTES = 2 * 1024 * 1024

BOM = "\ufeff"


class SourceError(Exception):
    """The file cannot be processed; the message is one line naming the reason."""


@dataclass
class SourceText:
    raw: str  # the file as decoded (BOM char and CRLF kept)
    text: str  # normalised: no BOM, LF newlines when the file is all-CRLF or all-CR
    bom: bool
    crlf: bool
    cr: bool = False  # every line break is a lone CR (classic Mac OS)

    @classmethod
    def from_string(cls, raw: str) -> "SourceText":
        bom = raw.startswith(BOM)
        body = raw[1:] if bom else raw
        n_lf = body.count("\n")
        crlf = n_lf > 0 and body.count("\r\n") == n_lf
        cr = n_lf == 0 and "\r" in body
        if crlf:
            text = body.replace("\r\n", "\n")
        elif cr:
            text = body.replace("\r", "\n")
        else:
            text = body
        return cls(raw=raw, text=text, bom=bom, crlf=crlf, cr=cr)

    @property
    def newline(self) -> str:
        """The file's own line break."""
        return "\r\n" if self.crlf else "\r" if self.cr else "\n"

    @property
    def lone_cr(self) -> bool:
        """A CR that is not part of CRLF, among LF line breaks: parsers and editors would
        disagree on where lines are."""
        return "\r" in self.text and re.search(r"\r(?!\n)", self.text) is not None

    def restore(self, text: str) -> str:
        if self.crlf or self.cr:
            text = text.replace("\n", self.newline)
        if self.bom:
            text = BOM + text
        return text


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise SourceError(_os_reason(e)) from None
    if size > max_bytes:
        raise SourceError(f"file is too large ({size} bytes; the limit is {max_bytes}, see max-file-size)")
    try:  # non-blocking: a FIFO put in the file's place must not stop the run
        fh = open(path, "rb", opener=_open_nonblocking)
    except OSError as e:
        raise SourceError(_os_reason(e)) from None
    with fh:
        mode = os.fstat(fh.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(f"not a regular file ({_file_kind(mode)}); not read")
        try:
            data = fh.read(max_bytes + 1)
        except OSError as e:
            raise SourceError(_os_reason(e)) from None
    wide = _wide_encoding(data)
    if wide:
        raise SourceError(f"the file is {wide} encoded; iacfix reads UTF-8 (convert it, e.g. with iconv)")
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes)")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SourceError(f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return SourceText.from_string(raw)


def _open_nonblocking(path, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _wide_encoding(data: bytes) -> Optional[str]:
    """'UTF-16' or 'UTF-32' when the bytes are text in one of them (by the byte order mark,
    or, without one, by a NUL byte beside every ASCII character), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:512]
    if len(head) >= 8 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if (not odd.strip(b"\x00") and even.strip(b"\x00")) or (not even.strip(b"\x00") and odd.strip(b"\x00")):
            return "UTF-16"
    return None


def within(path: str, root: str) -> bool:
    """Whether ``path`` is ``root`` or under it (both as given: resolve them first)."""
    try:
        return os.path.commonpath([os.path.abspath(path), os.path.abspath(root)]) == os.path.abspath(root)
    except ValueError:  # different drives
        return False


def _os_reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower().rstrip(".")


# `from aws_cdk import ...`, `import aws_cdk as cdk`, `import pulumi, pulumi_aws as aws`
_PY_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+|import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*)(aws_cdk|pulumi_aws)\b", re.M)
_CFN_VERSION = re.compile(r"""^\s*["']?AWSTemplateFormatVersion["']?\s*:""", re.M)
_CFN_RESOURCES = re.compile(r"""(?:^|[{,\s])["']?Resources["']?\s*:""", re.M)
_CFN_TYPE = re.compile(r"""["']?Type["']?\s*:\s*["']?(AWS|Alexa|Custom)::""")

CFN_SUFFIXES = {".yaml", ".yml", ".json", ".template", ".cfn"}

# An import of AWS CDK v2 for Go or one of its service packages, under any alias:
# `"github.com/aws/aws-cdk-go/awscdk/v2"`, `kms "github.com/aws/aws-cdk-go/awscdk/v2/awskms"`.
_GO_CDK_IMPORT = re.compile(r'^[ \t]*(?:import[ \t]+)?(?:[\w.]+[ \t]+)?"github\.com/aws/aws-cdk-go/awscdk/v2(?:/\w+)?"', re.M)


def detect_language(path: Path, text: str) -> Optional[str]:
    """Return 'cdk', 'pulumi', 'cloudformation', 'terraform', 'go' or None (not IaC we know)."""
    suffix = path.suffix.lower()
    if suffix == ".tf":
        return "terraform"
    if suffix == ".go":
        # CDK Go by its imports; tests (``*_test.go``) are not infrastructure
        if path.name.endswith("_test.go"):
            return None
        return "go" if _GO_CDK_IMPORT.search(text) else None
    if suffix == ".py":
        kinds = {m.group(1) for m in _PY_IMPORT.finditer(text)}
        if "aws_cdk" in kinds:
            return "cdk"
        if "pulumi_aws" in kinds:
            return "pulumi"
        return None
    if suffix in CFN_SUFFIXES:
        if _CFN_VERSION.search(text) or (_CFN_RESOURCES.search(text) and _CFN_TYPE.search(text)):
            return "cloudformation"
    return None


# Directories never walked into.
SKIP_DIRS = {
    ".git", ".hg", ".svn", "node_modules", "cdk.out", ".terraform", ".venv", "venv",
    "env", ".env", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
    ".ruff_cache", "site-packages", ".aws-sam", ".serverless", "build", "dist",
}


def _is_virtualenv(d: Path) -> bool:
    try:
        return (d / "pyvenv.cfg").is_file()
    except OSError:  # a directory that cannot be searched: the walk reports it
        return False


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "a special file"


@dataclass
class Candidate:
    path: Path
    display: str
    explicit: bool = False  # named on the command line, not found by walking a directory


def discover(paths, exclude=(), excluded=None) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """Walk the given paths. Returns (candidates, errors as (display path, reason)).

    ``exclude``: .gitignore-style patterns, relative to each walked path. ``excluded``
    (instead): ``excluded(path, is_dir, named)`` says whether a path is left out; for a
    path named on the command line (``named``) it decides too (--force-exclude), and an
    excluded named path is left out silently, as ruff and black do for pre-commit.

    Symbolic links met inside a walked directory are not followed, so a walk
    never leaves the tree and cannot loop.
    """
    from iacfix.pathmatch import matches

    out: list[Candidate] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    top = ["."]

    def left_out(path, is_dir: bool, named: bool = False) -> bool:
        if excluded is not None:
            return excluded(path, is_dir, named)
        return not named and matches(exclude, str(path), top[0], is_dir)

    def walk_error(e: OSError) -> None:
        where = str(Path(e.filename)) if e.filename else disp
        errors.append((where, f"cannot read the directory: {_os_reason(e)}"))

    for p in paths:
        p = Path(p)
        disp = str(p)
        try:
            os.lstat(p)
            st = os.stat(p)
        except FileNotFoundError:
            errors.append((disp, "no such file or directory" if not os.path.islink(p) else "a symbolic link that leads nowhere"))
            continue
        except OSError as e:
            errors.append((disp, _os_reason(e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            top[0] = str(p)
            if left_out(p, True, named=True):
                continue
            for root, dirs, files in os.walk(p, followlinks=False, onerror=walk_error):
                rootp = Path(root)
                keep = []
                for d in sorted(dirs):
                    dp = rootp / d
                    if d in SKIP_DIRS or left_out(dp, True):
                        continue
                    try:
                        if stat.S_ISLNK(os.lstat(dp).st_mode):
                            continue
                    except OSError as e:
                        errors.append((str(dp), f"cannot read the directory: {_os_reason(e)}"))
                        continue
                    if not _is_virtualenv(dp):
                        keep.append(d)
                dirs[:] = keep
                for f in sorted(files):
                    fp = rootp / f
                    if fp.suffix.lower() not in CFN_SUFFIXES | {".tf", ".py", ".go"}:
                        continue
                    if left_out(fp, False):
                        continue
                    try:
                        mode = os.lstat(fp).st_mode
                    except OSError as e:
                        errors.append((str(fp), _os_reason(e)))
                        continue
                    if stat.S_ISLNK(mode):
                        continue
                    if not stat.S_ISREG(mode):  # a FIFO would block the read forever
                        errors.append((str(fp), f"not a regular file ({_file_kind(mode)}); not read"))
                        continue
                    key = str(fp)
                    if key not in seen:
                        seen.add(key)
                        out.append(Candidate(fp, str(fp)))
            continue
        if left_out(p, False, named=True):
            continue
        if not stat.S_ISREG(st.st_mode):
            errors.append((disp, f"not a regular file ({_file_kind(st.st_mode)}); not read"))
            continue
        real = os.path.realpath(p)
        if real != os.path.abspath(p):  # a link (or a path through one): write through it, inside the tree
            root = tree_root(p)
            if not within(real, os.path.realpath(root)):
                errors.append((disp, f"a symbolic link to {real}, outside the {tree_name(root)} {root}; "
                                     f"not read or written"))
                continue
            if os.path.exists(real):
                p = Path(real)
        key = str(p)
        if key not in seen:
            seen.add(key)
            out.append(Candidate(p, disp, explicit=True))
    return out, errors


def tree_root(path) -> str:
    """The tree a path named on the command line belongs to: its repository (the nearest
    directory upward holding ``.git``), else the current directory when the path is in it,
    else the path's own directory. Links are not resolved."""
    d = os.path.dirname(os.path.abspath(path))
    cur = d
    while True:
        if os.path.lexists(os.path.join(cur, ".git")):
            return cur
        parent = os.path.dirname(cur)
        if parent == cur:
            break
        cur = parent
    cwd = os.path.abspath(os.getcwd())
    return cwd if within(d, cwd) else d


def tree_name(root: str) -> str:
    return "repository" if os.path.lexists(os.path.join(root, ".git")) else "directory"
