"""Toy codemods over CloudFormation text, for testing the engine independently of the catalog."""

from __future__ import annotations

import dataclasses

from iacfix.codemods.spec import Codemod, Parameter as Param
from iacfix.core import Edit, FixError, Gap


def _queues(doc):
    res = doc.data.get("Resources") or {}
    for name, body in res.items():
        if isinstance(body, dict) and body.get("Type") == "AWS::SQS::Queue":
            yield name, body, res.lc.key(name)[0] + 1


def _props_line_end(doc, body, line):
    """Offset of the end of the resource's last line (its Type line when it has no Properties)."""
    t_line = body.lc.key("Type")[0] + 1
    return doc.lines.line_end(t_line)


def detect_retention(doc, ctx):
    """Queues must have a 'Retention: <value>' marker property (toy)."""
    for name, body, line in _queues(doc):
        props = body.get("Properties") or {}
        if "Retention" in props:
            continue
        if "Properties" in body:
            continue  # keep the toy simple: only queues with no Properties at all

        def fix(body=body, line=line):
            off = _props_line_end(doc, body, line)
            return [Edit(off, off, f"\n    Properties:\n      Retention: {ctx['value']}")]

        yield Gap(line, 3, line, "AWS::SQS::Queue", name, "queue has no retention", fix=fix)


def detect_broken(doc, ctx):
    """A codemod whose fix produces invalid YAML: the engine must drop it."""
    for name, body, line in _queues(doc):
        if "Broken" in name:
            def fix(line=line):
                off = doc.lines.line_end(line)
                return [Edit(off, off, "\n  : [unclosed")]

            yield Gap(line, 3, line, "AWS::SQS::Queue", name, "broken", fix=fix)


def detect_raises(doc, ctx):
    for name, body, line in _queues(doc):
        if "Raise" in name:
            def fix():
                raise FixError("cannot work out the queue's name")

            yield Gap(line, 3, line, "AWS::SQS::Queue", name, "raises", fix=fix)


def detect_unfixable(doc, ctx):
    for name, body, line in _queues(doc):
        if "Report" in name:
            yield Gap(line, 3, line, "AWS::SQS::Queue", name, "report only")


RETENTION = Codemod("TOY001", "toy-retention", "toy", "toy rationale",
                    detectors={"cloudformation": detect_retention}, params=(Param("value", 7, "days"),))
BROKEN = Codemod("TOY002", "toy-broken", "toy", "toy", detectors={"cloudformation": detect_broken})
RAISES = Codemod("TOY003", "toy-raises", "toy", "toy", detectors={"cloudformation": detect_raises})
UNFIXABLE = Codemod("TOY004", "toy-unfixable", "toy", "toy", detectors={"cloudformation": detect_unfixable})
ALL = [RETENTION, BROKEN, RAISES, UNFIXABLE]


def detect_spawn(doc, ctx):
    """Adds a new queue 'Report<Name>Copy' (which TOY004 reports, unfixably)."""
    for name, body, line in _queues(doc):
        if name.startswith("Spawn") and "Report" + name + "Copy" not in (doc.data.get("Resources") or {}):
            def fix(name=name, body=body):
                off = doc.lines.line_end(body.lc.key("Type")[0] + 1)
                return [Edit(off, off, f"\n  Report{name}Copy:\n    Type: AWS::SQS::Queue")]

            yield Gap(line, 3, line, "AWS::SQS::Queue", name, "spawn", fix=fix)


SPAWN = Codemod("TOY005", "toy-spawn", "toy", "toy", detectors={"cloudformation": detect_spawn})


def detect_rename(doc, ctx):
    """Every 'Report*' queue should be renamed: a fix that is always unsafe (toy)."""
    for name, body, line in _queues(doc):
        if "Report" in name:
            def fix(line=line):
                off = doc.lines.line_end(line)
                return [Edit(off, off, "  # renamed")]

            yield Gap(line, 3, line, "AWS::SQS::Queue", name, "rename", fix=fix, unsafe=True)


RENAME = Codemod("TOY006", "toy-rename", "toy", "toy", detectors={"cloudformation": detect_rename}, unsafe_only=True)


def detect_rename_unfixable(doc, ctx):
    """The same judgement call where the module cannot make it (no fix at all)."""
    for gap in detect_rename(doc, ctx):
        yield dataclasses.replace(gap, fix=None)


RENAME_UNFIXABLE = Codemod("TOY007", "toy-rename-unfixable", "toy", "toy",
                           detectors={"cloudformation": detect_rename_unfixable}, unsafe_only=True)
