"""required_tags for CloudFormation: taggable resources carry the configured tags.

Which types take tags, and in which shape (a list of {Key, Value} or a map), comes
from codemods/data/cfn_taggable.json (generated from cfn-lint's schemas by
scripts/gen_cfn_taggable.py). SAM ``Globals`` tags count as present. On the types whose
Tags are create-only (codemods/data/cfn_tags_create_only.txt, e.g.
AWS::AppRunner::Service), adding tags replaces the resource: the finding is unsafe.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from iacfix.codemods.common.cloudformation import flow_tag_items, gap, render
from iacfix.transforms.cloudformation import CfnDoc, MappingNode, get, intrinsic, is_map, is_null, is_seq, items, scalar

DATA = Path(__file__).resolve().parent.parent / "data" / "cfn_taggable.json"

# SAM Globals sections and the resource types they apply to.
SAM_GLOBALS = {
    "AWS::Serverless::Function": "Function",
    "AWS::Serverless::Api": "Api",
    "AWS::Serverless::HttpApi": "HttpApi",
    "AWS::Serverless::SimpleTable": "SimpleTable",
    "AWS::Serverless::StateMachine": "StateMachine",
}


@lru_cache(maxsize=1)
def taggable() -> dict:
    return json.loads(DATA.read_text())


@lru_cache(maxsize=1)
def create_only() -> frozenset:
    """Types whose Tags are create-only: changing them replaces the resource."""
    lines = DATA.with_name("cfn_tags_create_only.txt").read_text().splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def present_keys(tags, shape: str):
    """The tag keys a Tags value sets, or None when they cannot be known."""
    if tags is None:
        return set()
    if intrinsic(tags):
        return None
    keys = set()
    if shape == "list":
        if not is_seq(tags):
            return None
        for item in tags.value:
            k = scalar(get(item, "Key")) if is_map(item) else None
            if k is None:
                return None
            keys.add(k)
        return keys
    if not is_map(tags):
        return None
    for k, _ in items(tags):
        if scalar(k) is None:
            return None
        keys.add(k.value)
    return keys


def detect(doc: CfnDoc, ctx):
    wanted = dict(ctx["tags"])
    kinds = taggable()
    globals_node = get(doc.root, "Globals")
    for res in doc.resources():
        shape = kinds.get(res.type)
        if shape is None:
            continue
        props = res.properties
        if props is not None and not is_map(props) and not is_null(props):
            continue  # Properties from an intrinsic (!If ...): unknown
        tags = res.prop("Tags")
        have = present_keys(tags, shape)
        if have is None:
            continue
        section = SAM_GLOBALS.get(res.type)
        if section:
            glob = present_keys(get(get(globals_node, section), "Tags"), "map")
            if glob is None:
                continue
            have |= glob
        missing = [k for k in wanted if k not in have]
        if not missing:
            continue
        values = {k: render(doc, str(wanted[k])) for k in missing}
        ok = [k for k in missing if values[k] is not None]
        bad = [k for k in missing if values[k] is None]
        names = ", ".join(missing)
        if ok:
            msg = f"Resource '{res.name}' is missing the tags {names}"
            replaces = res.type in create_only()
            if replaces:
                msg += f" (the tags of an {res.type} can only be set when it is created: adding them replaces it)"
            g = gap(doc, res, msg, fix=_fixer(doc, res, shape, tags, [(k, values[k]) for k in ok]), unsafe=replaces)
            g.replaces = replaces
            yield g
        if bad:
            msg = (f"Resource '{res.name}' is missing the tags {', '.join(bad)}, which need an "
                   f"environment parameter the template does not have")
            yield gap(doc, res, msg, detail="unrenderable")


def _fixer(doc: CfnDoc, res, shape: str, tags, pairs):
    def fix():
        if shape == "map":
            if tags is None:
                return [doc.add_property(res, [("Tags", dict(pairs))])]
            return [doc.add_to_mapping(tags, pairs)]
        entries = [{"Key": k, "Value": v} for k, v in pairs]
        if tags is None:
            return [doc.add_property(res, [("Tags", entries)], flow_items=flow_tag_items(doc))]
        flow = any(isinstance(i, MappingNode) and i.flow_style for i in tags.value) if tags.value else \
            flow_tag_items(doc)
        return [doc.append_to_sequence(tags, entries, flow_items=flow)]

    return fix

