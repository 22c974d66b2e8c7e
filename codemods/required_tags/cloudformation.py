"""required_tags for CloudFormation: taggable resources carry the configured tags.

Which types take tags, and in which shape (a list of {Key, Value} or a map), comes
from codemods/data/cfn_taggable.json (generated from cfn-lint's schemas by
scripts/gen_cfn_taggable.py). SAM ``Globals`` tags count as present. On the types whose
Tags are create-only (codemods/data/cfn_tags_create_only.txt, e.g.
AWS::AppRunner::Service), adding tags replaces the resource: the finding is unsafe.

A template that already tags the environment under its own key (``Env: !Ref Env``, the
environment parameter's value) has stated its key: a required tag whose value is the
environment ({environment_suffix}) counts as present on a resource tagged so, and is
written under that key on the others, as the author does.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from iacfix.codemods.common.cloudformation import env_param, flow_tag_items, gap, render
from iacfix.transforms.cloudformation import (
    CfnDoc, MappingNode, get, intrinsic, is_map, is_null, is_seq, items, scalar, text_of,
)

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


ENVIRONMENT = "{environment_suffix}"


def _is_environment(node, env: str) -> bool:
    """A tag value that is the environment parameter itself (!Ref Env, !Sub '${Env}')."""
    fn = intrinsic(node)
    if not fn:
        return False
    name, arg = fn
    return (name == "Ref" and text_of(arg) == env) or (name == "Fn::Sub" and text_of(arg) == "${" + env + "}")


def tag_pairs(tags, shape: str):
    """(key, value node) of the tags a Tags value sets that iacfix can read."""
    if tags is None or intrinsic(tags):
        return []
    if shape == "list":
        return [(scalar(get(i, "Key")), get(i, "Value")) for i in (tags.value if is_seq(tags) else ())
                if is_map(i) and scalar(get(i, "Key")) is not None]
    return [(k.value, v) for k, v in items(tags) if scalar(k) is not None] if is_map(tags) else []


# Keys that name an environment (Env, env, Stage, EnvironmentName...); not Name, the display
# name, which templates often set to the environment's name too.
_ENVIRONMENT_KEY = re.compile(r"(env(ironment)?|stage)([-_ .:]?(name|suffix))?", re.I)


def environment_keys(doc: CfnDoc, kinds: dict) -> set:
    """The keys under which the template tags resources with the environment parameter."""
    env = env_param(doc)
    if env is None:
        return set()
    sections = [(get(get(get(doc.root, "Globals"), s), "Tags"), "map") for s in SAM_GLOBALS.values()]
    sections += [(r.prop("Tags"), kinds[r.type]) for r in doc.resources() if r.type in kinds]
    return {k for tags, shape in sections for k, v in tag_pairs(tags, shape)
            if _ENVIRONMENT_KEY.fullmatch(k) and _is_environment(v, env)}


def detect(doc: CfnDoc, ctx):
    kinds = taggable()
    wanted = dict(ctx["tags"])
    env_keys = environment_keys(doc, kinds)
    own = [k for k, v in wanted.items() if v == ENVIRONMENT and k not in env_keys]
    if own and len(env_keys) == 1:
        # the template's own key for the environment replaces the configured one
        wanted = {(next(iter(env_keys)) if k in own else k): v for k, v in wanted.items()}
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
        names = ", ".join(ok)  # the tags this finding's fix writes; the others have their own
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

