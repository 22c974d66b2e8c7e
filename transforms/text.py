"""Text helpers shared by the editors: line tables, indentation, offsets."""

from __future__ import annotations

import bisect
import re
from typing import List


class LineIndex:
    """Maps between character offsets and (1-based line, 0-based column)."""

    def __init__(self, text: str):
        self.text = text
        self.starts: List[int] = [0]
        for m in re.finditer("\n", text):
            self.starts.append(m.end())

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column

    def position(self, offset: int) -> tuple:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i]

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the newline ending ``line`` (or len(text) on the last line)."""
        if line < len(self.starts):
            return self.starts[line] - 1
        return len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line):self.line_end(line)]

    def indent_of(self, line: int) -> str:
        t = self.line_text(line)
        return t[: len(t) - len(t.lstrip(" \t"))]

    @property
    def line_count(self) -> int:
        return len(self.starts)


def indent_block(code: str, indent: str) -> str:
    """Prefix every non-empty line of ``code`` with ``indent``."""
    return "".join((indent + ln) if ln.strip() else ln for ln in code.splitlines(True))


def ends_with_newline(text: str) -> bool:
    return text.endswith("\n")
