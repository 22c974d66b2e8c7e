"""The language adapters: how each language spells the catalog's neutral kinds and
properties, and how it interprets a codemod's rules (``iacfix.codemods.spec``).

``iacfix.codemods.lang.<language>`` exposes ``compile_rules(codemod)``: a detector for
the codemod's rules in that language, or None when none of its rules applies there
(no kind or property of the rules exists in the language).
"""

from __future__ import annotations

import importlib
from typing import Optional

from iacfix.codemods.spec import Codemod, Detector, Detectors, combine, declared, effects
from iacfix.core import LANGUAGES


def adapter(language: str):
    return importlib.import_module(f"{__name__}.{language}")


def cdk_file(doc, ctx):
    """The neutral view (``lang.view``) of a CDK Python or CDK Go file, as ``ctx.language`` says."""
    view = importlib.import_module(f"{__name__}.{ctx.language}.view")
    return view.File(doc)


def retained(language: str, doc) -> set:
    """(resource type, name) of the resources of ``doc`` that are explicitly protected from
    deletion (Terraform ``prevent_destroy = true``, CloudFormation ``Retain``): no fix may
    replace them. A language fact, the same whichever codemods are selected."""
    fact = getattr(adapter(language), "retained", None)
    return fact(doc) if fact is not None else set()


def detectors_for(cm: Codemod) -> Detectors:
    """Language → the codemod's detector there: its rules, as the language's adapter
    interprets them, and whatever the codemod wrote for that language by hand. Each is
    built (its adapter and modules imported) the first time its language is asked for."""
    hand = cm.detectors  # what the codemod wrote by hand (the catalog then replaces it)
    own = declared(hand)

    def loader(language: str):
        def build() -> Optional[Detector]:
            parts = []
            if cm.rules and language not in cm.not_applicable:
                compiled = adapter(language).compile_rules(cm)
                if compiled is not None:
                    parts.append(compiled)
            if language in own:
                parts.append(hand[language])
            return effects(cm, combine(parts)) if parts else None
        return build

    return Detectors({language: loader(language) for language in LANGUAGES
                      if language in own or (cm.rules and language not in cm.not_applicable)})
