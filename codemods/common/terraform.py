"""Terraform conventions shared by the codemods: the environment-suffix variable,
naming new resources after the one they serve, making Gaps.

Everything here looks at one file: variables declared in a sibling
``variables.tf`` are seen only through their use (``var.environment_suffix``)
in this file.
"""

from __future__ import annotations

import re
from typing import Optional

from lark import Tree

from iacfix.model import Gap
from transforms.terraform import Block, TfDoc, span, string_value, traversal, unwrap, walk

ENV_NAMES = ("environment_suffix", "environment", "env", "stage")


def gap(block: Block, message: str, fix=None, unsafe: bool = False, detail: str = "") -> Gap:
    return Gap(
        line=block.line,
        column=block.node.meta.column,
        end_line=block.end_line,
        resource_type=block.labels[0],
        resource_name=block.labels[1],
        message=message,
        fix=fix,
        unsafe=unsafe,
        detail=detail,
    )


def env_var(doc: TfDoc) -> Optional[str]:
    """``var.<name>`` for the file's environment-suffix variable (declared, else used), or None."""
    if "env_var" in doc.cache:
        return doc.cache["env_var"]
    declared = {b.labels[0] for b in doc.blocks_of("variable") if b.labels}
    used = set()
    for n in walk(doc.tree):
        if n.data == "get_attr_expr_term":
            t = traversal(n)
            if t and len(t) >= 2 and t[0] == "var":
                used.add(t[1])
    found = None
    for pool in (declared, used):
        for name in ENV_NAMES:
            if name in pool:
                found = f"var.{name}"
                break
        if found:
            break
    doc.cache["env_var"] = found
    return found


def counted(block: Block) -> bool:
    """True for a resource with count/for_each (references to it need an index)."""
    return block.attr("count") is not None or block.attr("for_each") is not None


def label_for(doc: TfDoc, rtype: str, base: str, word: str) -> str:
    """A free resource label for ``rtype``: ``<base>_<word>`` in the file's label style."""
    sep = "-" if ("-" in base and "_" not in base) else "_"
    want = f"{base}{sep}{word}" if word else base
    taken = {b.labels[1] for b in doc.resources(rtype)}
    label, n = want, 2
    while label in taken:
        label, n = f"{want}{sep}{n}", n + 1
    return label


def kebab(s: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-")
    return s.lower()


def derived_name(doc: TfDoc, value_node, word: str, fifo: bool = False) -> Optional[str]:
    """The value of a name attribute for a resource derived from another one's name.

    ``"orders-${var.environment_suffix}"`` → ``"orders-dlq-${var.environment_suffix}"``;
    ``"orders"`` → ``"orders-dlq"``; ``"orders.fifo"`` → ``"orders-dlq.fifo"``;
    ``var.name`` → ``"${var.name}-dlq"`` (None when a FIFO suffix cannot be placed).
    Returns the expression text, or None when no name can be derived.
    """
    node = unwrap(value_node)
    env = env_var(doc)
    if isinstance(node, Tree) and node.data == "string":
        src = doc.source(node)
        start = span(node)[0]
        inner = src[1:-1]
        # split into literal pieces and ${...} pieces, with their offsets in ``inner``
        parts = []
        for part in node.children:
            if isinstance(part, Tree) and part.data == "string_part":
                s, e = span(part)
                is_interp = any(isinstance(c, Tree) and c.data == "interpolation" for c in part.children)
                parts.append((s - start - 1, e - start - 1, is_interp))
        sep = "_" if ("_" in inner and "-" not in inner) else "-"
        # insert before the environment-suffix interpolation when a separator precedes it
        if env:
            for s, e, is_interp in parts:
                if is_interp and inner[s:e].replace(" ", "") == "${" + env + "}" and s > 0 and inner[s - 1] in "-_":
                    return '"' + inner[:s] + word + inner[s - 1] + inner[s:] + '"'
        if inner.endswith(".fifo"):
            return '"' + inner[: -len(".fifo")] + sep + word + ".fifo" + '"'
        if fifo:
            return None
        return '"' + inner + sep + word + '"'
    if fifo:
        return None
    return '"${' + doc.source(node) + "}-" + word + '"'


def literal_name(doc: TfDoc, block: Block, *attrs: str) -> Optional[str]:
    for a in attrs:
        at = block.attr(a)
        if at is not None:
            return string_value(at.value)
    return None
