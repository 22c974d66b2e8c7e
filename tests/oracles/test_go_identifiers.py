"""The CDK type system judges the Go that iacfix writes: every identifier of an aws-cdk-go
package in the Go golden files (inputs and expected files) and the Go example resolves in the
aws-cdk-lib jsii assembly (the ``.jsii`` file CDK Go and CDK Python are generated from,
read from the CDK oracle venv):

- ``awskms.NewKey``: a class with a constructor; ``awskms.KeyProps``, ``awsiam.IManagedPolicy``:
  a type;
- ``awssqs.QueueEncryption_SQS_MANAGED``: an enum member; ``awscdk.Duration_Days``: a static
  method; ``awslambda.Runtime_PROVIDED_AL2023``: a static property;
  ``awslambda.CfnFunction_TracingConfigProperty``: a nested type;
- each key of a ``&pkg.T{Key: ...}`` literal: a property of the struct ``T`` (or of one it
  extends).
"""

from __future__ import annotations

import gzip
import json
import tarfile
from functools import lru_cache
from pathlib import Path

import pytest

from iacfix import golden
from iacfix.transforms.go import CDK, _walk_type, parse

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted({c.expected for c in golden.cases() if c.expected.suffix == ".go" and c.expected.exists()}
               | {c.input for c in golden.cases() if c.input.suffix == ".go"}
               | set((ROOT / "examples").rglob("*.go")))


@lru_cache(maxsize=1)
def assembly():
    found = sorted(ROOT.glob(".venv-oracles-cdk/lib/python*/site-packages/aws_cdk/_jsii/aws-cdk-lib@*.jsii.tgz"))
    if not found:
        pytest.skip(".venv-oracles-cdk has no aws-cdk-lib assembly (run scripts/install-oracles.sh)")
    with tarfile.open(found[-1]) as tar:
        redirect = json.load(tar.extractfile("package/.jsii"))
        if redirect.get("schema") == "jsii/file-redirect":
            data = tar.extractfile("package/" + redirect["filename"]).read()
            return json.loads(gzip.decompress(data) if redirect.get("compression") == "gzip" else data)
        return redirect


def _module(path: str):
    """The jsii namespace of a CDK Go package path (None: not aws-cdk-lib)."""
    if path == CDK:
        return "aws-cdk-lib"
    if not path.startswith(CDK + "/"):
        return None
    pkg = path[len(CDK) + 1:]
    for sub in assembly()["submodules"]:
        if sub.startswith("aws-cdk-lib.") and "." not in sub[len("aws-cdk-lib."):] \
                and sub[len("aws-cdk-lib."):].replace("_", "").replace("-", "") == pkg:
            return sub
    return "?" + pkg


def _go(name: str) -> str:
    return name[:1].upper() + name[1:]


def _members(fqn: str, seen=None):
    """Go names of the type's members: enum members, static methods and properties."""
    t = assembly()["types"][fqn]
    out = {m["name"] for m in t.get("members", ())}
    out |= {_go(m["name"]) for m in t.get("methods", ()) if m.get("static")}
    out |= {p["name"] if p.get("const") else _go(p["name"]) for p in t.get("properties", ()) if p.get("static")}
    base = t.get("base")
    if base and base in assembly()["types"]:
        out |= _members(base)
    return out


def _fields(fqn: str):
    """Go field names of a struct, with those of the structs it extends."""
    t = assembly()["types"][fqn]
    out = {_go(p["name"]) for p in t.get("properties", ())}
    for parent in t.get("interfaces", ()):
        if parent in assembly()["types"]:
            out |= _fields(parent)
    return out


def resolve(module: str, ident: str):
    """The problem with ``pkg.ident`` (None: it resolves)."""
    types = assembly()["types"]
    if module.startswith("?"):
        return f"no aws-cdk-lib submodule for package {module[1:]}"
    if ident.startswith("New") and f"{module}.{ident[3:]}" in types:
        t = types[f"{module}.{ident[3:]}"]
        return None if t["kind"] == "class" and "initializer" in t else f"{ident[3:]} has no constructor"
    if f"{module}.{ident}" in types:
        return None
    head, _, member = ident.partition("_")
    fqn = f"{module}.{head}"
    if not member or fqn not in types:
        return f"no type {head} in {module}"
    if f"{fqn}.{member}" in types:
        return None
    return None if member in _members(fqn) else f"{head} has no member {member}"


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_every_cdk_identifier_resolves_in_the_jsii_assembly(path):
    assembly()
    doc = parse(path.read_text(encoding="utf-8-sig"))
    problems = []
    for node in list(_walk_type(doc.tree.root_node, "selector_expression")) + \
            list(_walk_type(doc.tree.root_node, "qualified_type")):
        sel = doc.selector(node)
        module = _module(sel[0]) if sel is not None else None
        if module is None:
            continue
        why = resolve(module, sel[1])
        if why:
            problems.append(f"{node.start_point[0] + 1}: {doc.source(node)}: {why}")
    for node in _walk_type(doc.tree.root_node, "composite_literal"):
        lit = doc.literal(node)
        module = _module(lit.type_path) if lit is not None and lit.type_path else None
        if module is None or module.startswith("?"):
            continue
        fqn = f"{module}.{lit.type_name.replace('_', '.')}"
        if fqn not in assembly()["types"]:
            continue  # reported above
        fields = _fields(fqn)
        problems += [f"{f.node.start_point[0] + 1}: {lit.type_name}.{f.key}: no such field"
                     for f in lit.fields if f.key not in fields]
    assert problems == [], "\n".join(problems)


def test_the_oracle_rejects_what_does_not_exist():
    assembly()
    assert resolve("aws-cdk-lib.aws_kms", "NewKey") is None
    assert resolve("aws-cdk-lib.aws_sqs", "QueueEncryption_SQS_MANAGED") is None
    assert resolve("aws-cdk-lib", "Duration_Days") is None
    assert resolve("aws-cdk-lib.aws_lambda", "Runtime_PROVIDED_AL2023") is None
    assert resolve("aws-cdk-lib.aws_lambda", "CfnFunction_TracingConfigProperty") is None
    assert resolve("aws-cdk-lib.aws_sqs", "QueueEncryption_SQS") is not None
    assert resolve("aws-cdk-lib.aws_kms", "NewKeyProps") is not None
    assert "EnableKeyRotation" in _fields("aws-cdk-lib.aws_kms.KeyProps")
    assert "Tracing" in _fields("aws-cdk-lib.aws_lambda.FunctionProps")  # inherited from FunctionOptions
    assert "EnableKeyRotations" not in _fields("aws-cdk-lib.aws_kms.KeyProps")
