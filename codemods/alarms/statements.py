"""Where an alarm statement goes in a Python program (CDK and Pulumi): after the statements
that are about its resource, so that the file is the same whichever codemod wrote them first."""

from __future__ import annotations

import re

import libcst as cst


def last_related(doc, stmt, is_alarm, target: str = ""):
    """The last of ``stmt`` (creating the resource) and the statements right after it that are
    alarms of that resource (``is_alarm(statement)``), calls of the resource's own methods
    (``fn.add_event_source(...)``: the author's statements about it stay together) or use a
    name one of those alarms assigns (``errors = fn.metric_errors().create_alarm(...)``, then
    ``errors.add_alarm_action(...)``): a new alarm goes after it, so that the resource's alarms
    follow it in the catalog's order. Other codemods put their new statements before the
    resource (its dead-letter queue, its log group), right after it, or before other resources,
    so the place does not depend on which ran first (a statement that only mentions the
    resource, ``table.grant_read_write_data(fn)``, is not skipped: another codemod may put
    statements before it)."""
    body = list(doc.parent(stmt).body)
    i = next(k for k, s in enumerate(body) if s is stmt)
    names: list = []

    def uses(s) -> bool:
        code = doc.code(s)
        if target and code.lstrip().startswith(target + "."):
            return True
        return any(re.search(r"(?<![\w.])" + re.escape(n) + r"\b", code) for n in names)

    while i + 1 < len(body) and (is_alarm(body[i + 1]) or uses(body[i + 1])):
        i += 1
        for small in (body[i].body if isinstance(body[i], cst.SimpleStatementLine) else ()):
            if isinstance(small, cst.Assign) and is_alarm(body[i]):
                names.extend(doc.code(t.target) for t in small.targets)
    return body[i]


def string_value(doc, key: str, text: str, indent: str, quote: str = '"') -> str:
    """The code of ``key=<text as a string>`` 's value for a call whose arguments are indented
    one step from ``indent``: one literal where the line fits the file's width, else literals
    split at spaces inside parentheses (a generated line no longer than the file's: what the
    file's length says of its author's width stays true for the codemods that read it)."""
    lay = doc.layout()
    inner = indent + lay.unit

    def lit(s: str) -> str:
        return ("f" if "{" in s else "") + quote + s + quote

    if len(inner) + len(key) + 1 + len(lit(text)) + 1 <= lay.width:
        return lit(text)
    room = lay.width - len(inner + lay.unit) - 3
    chunks, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > room:
            chunks.append(line + " ")
            line = word
        else:
            line = f"{line} {word}" if line else word
    chunks.append(line)
    return "(\n" + "\n".join(inner + lay.unit + lit(c) for c in chunks) + "\n" + inner + ")"


def consumer(doc, dlq_stmt, used_at):
    """The statement a dead-letter queue's alarm goes after: the one using it as a dead-letter
    queue (``used_at``: a node there), when it follows the queue's in the same block (other
    codemods put a function's companions right before it, the queue among them), else the
    queue's own."""
    if used_at is None:
        return dlq_stmt
    stmt = doc.statement_of(used_at)
    if stmt is None or doc.parent(stmt) is not doc.parent(dlq_stmt):
        return dlq_stmt
    body = list(doc.parent(stmt).body)
    return stmt if body.index(stmt) > body.index(dlq_stmt) else dlq_stmt
