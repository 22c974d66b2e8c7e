"""Format-preserving editing of CloudFormation templates (YAML, SAM and JSON).

ruamel.yaml (round-trip loader) *locates* resources, properties and their
line/column; edits are made as minimal text edits, then the result is loaded
again to verify. The template is never re-dumped: ruamel does not round-trip
real templates byte for byte.
"""

from __future__ import annotations

from typing import Optional

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from iacfix.model import ParseError
from transforms.text import LineIndex


def _loader() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    return y


def parse(text: str) -> "CfnDoc":
    try:
        data = _loader().load(text)
    except DuplicateKeyError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else None
        raise ParseError(f"duplicate key: {_first_line(e.problem)}", line) from None
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise ParseError(f"invalid YAML: {_first_line(e.problem or e.context or str(e))}", line) from None
    except YAMLError as e:
        raise ParseError(f"invalid YAML: {_first_line(str(e))}") from None
    except RecursionError:
        raise ParseError("invalid YAML: nested too deeply") from None
    return CfnDoc(text, data)


def _first_line(s) -> str:
    return str(s).strip().splitlines()[0] if s else "unknown error"


class CfnDoc:
    def __init__(self, text: str, data):
        self.text = text
        self.data = data
        self.lines = LineIndex(text)
        stripped = text.lstrip("\ufeff \t\r\n")
        self.is_json = stripped.startswith("{")
