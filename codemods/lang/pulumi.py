"""The pulumi adapter (see ``iacfix.codemods.lang``)."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.spec import Codemod, Detector

KEEP = ("protect", "retain_on_delete")  # resource options that keep a resource


def retained(doc) -> set:
    """Resources created with ``opts=pulumi.ResourceOptions(protect=True)`` (or
    ``retain_on_delete=True``): Pulumi refuses to replace a protected resource."""
    out = set()
    for site in doc.calls_under(pc.AWS + "."):
        opts = pc.kw_value(site, "opts")
        if isinstance(opts, cst.Call) and "pulumi.ResourceOptions" in pc.qualnames(doc, opts.func):
            if any(a.keyword is not None and a.keyword.value in KEEP and pc.literal(a.value) is True
                   for a in opts.args):
                out.add((pc.rtype(site), pc.label(site)))
    return out


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """Not yet: the codemods' own pulumi modules still carry their rules."""
    return None
