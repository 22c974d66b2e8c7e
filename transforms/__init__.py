"""Format-preserving editors, one per source language.

Each module exposes ``parse(text) -> Doc`` (raising iacfix.core.ParseError) and
helpers that locate nodes and return minimal ``iacfix.core.Edit`` lists.
"""

from __future__ import annotations


def _same(text: str):
    return text, lambda edited: edited


def normalizer_for(language: str):
    """``text -> (text the editor works on, restore)``: a layout the editor does not write
    itself is edited in one it does, of the same length, and ``restore`` turns the edited
    text back (CloudFormation JSON indented with tabs)."""
    if language == "cloudformation":
        from iacfix.transforms import cloudformation

        return cloudformation.normalize
    return _same


def parser_for(language: str):
    if language in ("cdk", "pulumi"):
        from iacfix.transforms import python

        return lambda text: python.parse(text, language)
    if language == "cloudformation":
        from iacfix.transforms import cloudformation

        return cloudformation.parse
    if language == "terraform":
        from iacfix.transforms import terraform

        return terraform.parse
    if language == "go":
        from iacfix.transforms import go

        return go.parse
    raise KeyError(language)
