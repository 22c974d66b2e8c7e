"""The Terraform adapter (hashicorp/aws provider; see ``iacfix.codemods.lang``).

``names``: the neutral kinds as resource types, property names as arguments and
nested blocks, the order of added arguments (plain tables, which Pulumi's adapter reads
too). ``facts``: values as HCL, hooks. ``rules``: the interpreter. Hand-written
detectors run a neutral ``spec.Rule`` of their own with ``rule_detector`` and place
what they add with ``insert_attrs``/``insert_block``.

Importing this package loads no parser: ``rules`` (and with it python-hcl2 and lark)
is imported when one of its names is first used, so that ``names`` can be read alone.
"""

from __future__ import annotations

from typing import Optional

from iacfix.codemods.spec import Codemod, Detector, combine

__all__ = ["compile_rules", "insert_attrs", "insert_block", "rule_detector"]

_FROM_RULES = ("insert_attrs", "insert_block", "rule_detector")


def __getattr__(name: str):
    if name in _FROM_RULES:
        from iacfix.codemods.lang.terraform import rules

        return getattr(rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def retained(doc) -> set:
    """Resources whose ``lifecycle`` says ``prevent_destroy = true``."""
    from iacfix.transforms.terraform import literal

    out = set()
    for res in doc.resources():
        lc = res.block("lifecycle")
        pd = lc.attr("prevent_destroy") if lc is not None else None
        if pd is not None and literal(pd.value) is True:
            out.add((res.labels[0], res.labels[1]))
    return out


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """A detector for the codemod's rules in Terraform, or None when none applies."""
    from iacfix.codemods.lang.terraform.rules import rule_detector

    found = [d for d in (rule_detector(rule, cm.slug) for rule in cm.rules) if d is not None]
    return combine(found) if found else None


def module_calls(doc, *sources: str) -> list:
    """The ``module`` blocks of ``doc`` that call one of the registry modules ``sources``
    (``terraform-aws-modules/vpc/aws``): ``source`` spelled as the registry address (with or
    without ``registry.terraform.io/``), or as the module's GitHub repository
    (``github.com/terraform-aws-modules/terraform-aws-vpc``, ``git::https://...``, a ``?ref=``
    kept), not one of its submodules (``//modules/...``). Their arguments are the module's
    input variables, read like a resource's arguments."""
    from iacfix.transforms.terraform import string_value

    wanted = set()
    for s in sources:
        ns, name, provider = s.split("/")
        wanted |= {s, f"registry.terraform.io/{s}", f"github.com/{ns}/terraform-{provider}-{name}"}
    out = []
    for block in doc.blocks_of("module"):
        a = block.attr("source")
        src = string_value(a.value) if a is not None else None
        if src is None:
            continue
        src = src.split("?", 1)[0]
        for head in ("git::", "https://", "ssh://", "git@"):
            if src.startswith(head):
                src = src[len(head):]
        src = src.replace("github.com:", "github.com/")
        if src.endswith(".git"):
            src = src[:-4]
        if src.rstrip("/") in wanted:
            out.append(block)
    return out
