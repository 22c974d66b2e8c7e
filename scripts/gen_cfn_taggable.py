#!/usr/bin/env python3
"""Regenerate codemods/data/cfn_taggable.json from cfn-lint's resource schemas.

    /root/.pyenv/shims/python3 scripts/gen_cfn_taggable.py

Run it with a Python that has cfn-lint installed. The output maps each
CloudFormation resource type whose ``Tags`` property takes plain key/value
tags to the shape of that property:

- ``"list"``: a list of ``{Key, Value}`` mappings (most types);
- ``"map"``: a mapping of tag key to string value (e.g. AWS::SSM::Parameter).

Types whose Tags need more than Key and Value (AWS::AutoScaling::AutoScalingGroup
requires PropagateAtLaunch) or have another shape are left out: iacfix does not
tag them. SAM types (AWS::Serverless::*) are not in cfn-lint's schemas; their
Tags are maps (SAM specification) and are listed by hand below.
"""

from __future__ import annotations

import json
from pathlib import Path

import cfnlint
from cfnlint.data.schemas.providers import us_east_1

SCHEMAS = Path(cfnlint.__file__).parent / "data" / "schemas" / "resources"
OUT = Path(__file__).resolve().parent.parent / "codemods" / "data" / "cfn_taggable.json"

# https://github.com/aws/serverless-application-model/blob/develop/docs/globals.rst and the
# AWS::Serverless::* reference pages: Tags is "Map" on these types.
SAM = {
    "AWS::Serverless::Api": "map",
    "AWS::Serverless::Application": "map",
    "AWS::Serverless::Function": "map",
    "AWS::Serverless::HttpApi": "map",
    "AWS::Serverless::SimpleTable": "map",
    "AWS::Serverless::StateMachine": "map",
}


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node and node["$ref"].startswith("#/definitions/"):
        node = schema["definitions"][node["$ref"].split("/")[-1]]
    return node


def shape(schema: dict) -> str | None:
    tags = schema.get("properties", {}).get("Tags")
    if not tags:
        return None
    tags = _resolve(schema, tags)
    kind = tags.get("type")
    if kind == "array":
        item = _resolve(schema, tags.get("items", {}))
        props = set(item.get("properties", {}))
        required = set(item.get("required", []))
        if {"Key", "Value"} <= props and required <= {"Key", "Value"}:
            return "list"
        return None
    if kind == "object":
        if "Key" in tags.get("properties", {}):
            return None  # a single {Key, Value} object, not a tag map
        pattern = tags.get("patternProperties") or {}
        extra = tags.get("additionalProperties")
        values = list(pattern.values()) + ([extra] if isinstance(extra, dict) else [])
        if tags.get("properties") and not values:
            return None
        if all(_resolve(schema, v).get("type") in ("string", None) for v in values):
            return "map"
    return None


def main() -> None:
    out = {}
    for rtype, digest in sorted(us_east_1.types.items()):
        if not rtype.startswith("AWS::"):
            continue
        f = SCHEMAS / f"{digest}.json"
        if not f.exists():
            continue
        kind = shape(json.loads(f.read_text()))
        if kind:
            out[rtype] = kind
    out.update(SAM)
    OUT.write_text(json.dumps(dict(sorted(out.items())), indent=0) + "\n")
    print(f"{len(out)} taggable types -> {OUT}")


if __name__ == "__main__":
    main()
