"""Format-preserving editing of Terraform HCL.

python-hcl2's lark tree (built with positions) *locates* blocks and attributes;
edits are minimal text edits at those positions, aligned as ``terraform fmt``
would align them; the result is parsed again to verify. The tree is never
reconstructed into text (the reconstructor is not faithful).
"""

from __future__ import annotations

from hcl2 import api as hcl2_api

from iacfix.model import ParseError
from transforms.text import LineIndex


def parse(text: str) -> "TfDoc":
    try:
        tree = hcl2_api.parses_to_tree(text)
    except Exception as e:  # lark raises several exception types
        line = getattr(e, "line", None)
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ParseError(f"invalid HCL: {msg}", line if isinstance(line, int) and line > 0 else None) from None
    return TfDoc(text, tree)


class TfDoc:
    def __init__(self, text: str, tree):
        self.text = text
        self.tree = tree
        self.lines = LineIndex(text)
