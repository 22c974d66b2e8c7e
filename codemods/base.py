"""What a codemod is: an id, a slug, a rationale, parameters, and one detector per language.

A detector is a function ``detect(doc, ctx) -> Iterable[Gap]``. ``doc`` is the
parsed file from the language's transform module (``transforms.python``,
``transforms.cloudformation``, ``transforms.terraform``); ``ctx`` carries the
codemod's parameters. Each Gap carries a lazy ``fix`` returning text edits that
the transform module computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Optional, Tuple

from iacfix.model import LANGUAGES, Gap


@dataclass(frozen=True)
class Param:
    name: str  # snake_case; config accepts snake_case or kebab-case
    default: Any
    help: str
    choices: Tuple[Any, ...] = ()  # the only values accepted, when not empty


@dataclass
class Context:
    language: str
    params: Dict[str, Any]
    path: str = ""

    def __getitem__(self, name: str) -> Any:
        return self.params[name]


Detector = Callable[[Any, Context], Iterable[Gap]]


@dataclass
class Codemod:
    id: str
    slug: str
    title: str
    rationale: str
    detectors: Dict[str, Detector]
    params: Tuple[Param, ...] = ()
    checkov: Tuple[str, ...] = ()
    # What an unsafe fix of this codemod changes (explicit opposite values), if any.
    unsafe_note: str = ""
    # Every fix of this codemod is unsafe by nature (it renames, narrows, regenerates):
    # another codemod's fix may then create such a finding without being at fault.
    unsafe_only: bool = False
    # language → why the codemod cannot exist there (the property does not exist).
    not_applicable: Dict[str, str] = field(default_factory=dict)

    @property
    def safety(self) -> str:
        """How safe this codemod's fixes are, in words (``iacfix rules``, the docs)."""
        if self.unsafe_only:
            return "unsafe (every fix)"
        if self.unsafe_note:
            return "safe (unsafe for explicit opposite values)"
        return "safe"

    @property
    def languages(self) -> Tuple[str, ...]:
        return tuple(self.detectors)

    def defaults(self) -> Dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> Optional[Param]:
        for p in self.params:
            if p.name == name:
                return p
        return None


def language_detectors(package: str) -> Dict[str, Detector]:
    """The ``detect`` of each language module present in a codemod package
    (``codemods/<gap>/<language>.py``), in the order of LANGUAGES. A language is
    added to a codemod by adding its file."""
    import importlib
    import importlib.util

    out: Dict[str, Detector] = {}
    for lang in LANGUAGES:
        name = f"{package}.{lang}"
        if importlib.util.find_spec(name) is None:
            continue
        out[lang] = importlib.import_module(name).detect
    return out
