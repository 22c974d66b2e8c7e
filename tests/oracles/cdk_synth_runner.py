"""Synthesise CDK Python programs; run with the python of .venv-oracles-cdk, never the project's.

    python cdk_synth_runner.py FILE...

For each FILE: import it as a module, instantiate every ``Stack`` subclass it defines
in a fresh ``cdk.App()`` (constructor arguments are made up from the parameter names
and annotations: ``environment_suffix="test"``, a ``vpc`` from a helper stack, ...),
``app.synth()``, and collect the templates. Prints one JSON object on stdout:
``{FILE: {"templates": {stack name: template}, "validation_errors": [...]} | {"error": "..."}
| {"skip": "..."}}`` (``validation_errors`` only when construct validation failed; the
templates are then synthesised with validation skipped).
Asset bundling is switched off (context ``aws:cdk:bundling-stacks = []``) and missing
asset directories (``Code.from_asset("lambda")``) are created in a scratch directory.
"""

from __future__ import annotations

import enum
import importlib.util
import inspect
import json
import os
import re
import sys
import tempfile
import traceback
import typing
from pathlib import Path

ARGS = [os.path.abspath(a) for a in sys.argv[1:]]
# The jsii kernel (node) keeps the working directory it starts in: relative asset and
# entry paths resolve against this scratch directory.
WORK = Path(tempfile.mkdtemp(prefix="cdk-oracle-"))
os.chdir(WORK)
# NodejsFunction builds a Docker image at construction unless it finds esbuild; bundling
# itself is off, so a stand-in that answers --version is enough.
(WORK / "bin").mkdir()
(WORK / "bin" / "esbuild").write_text("#!/bin/sh\necho 0.21.5\n")
(WORK / "bin" / "esbuild").chmod(0o755)
os.environ["PATH"] = f"{WORK / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
os.environ.setdefault("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1")
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "1")

import aws_cdk as cdk
from aws_cdk import aws_apigateway, aws_ec2, aws_kms, aws_lambda, aws_rds

(WORK / "package-lock.json").write_text("{}")

_orig_from_asset = aws_lambda.Code.from_asset


def _from_asset(path, *args, **kwargs):
    p = Path(path)
    if not p.is_absolute():
        p = WORK / p
    if not p.exists():
        if p.suffix:  # a file (a zip or a script)
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("def handler(event, context):\n    return None\n")
        else:
            p.mkdir(parents=True, exist_ok=True)
            (p / "index.py").write_text("def handler(event, context):\n    return None\n")
    return _orig_from_asset(str(p), *args, **kwargs)


aws_lambda.Code.from_asset = staticmethod(_from_asset)

_orig_image_asset = aws_lambda.DockerImageCode.from_image_asset


def _from_image_asset(directory, *args, **kwargs):
    p = Path(directory)
    if not p.is_absolute():
        p = WORK / p
    if not (p / "Dockerfile").exists() and not kwargs.get("file"):
        p.mkdir(parents=True, exist_ok=True)
        (p / "Dockerfile").write_text("FROM public.ecr.aws/lambda/python:3.12\n")
    return _orig_image_asset(str(p), *args, **kwargs)


aws_lambda.DockerImageCode.from_image_asset = staticmethod(_from_image_asset)

STRINGS = {
    "environment_suffix": "test",
    "env_suffix": "test",
    "stage": "dev",
    "stage_name": "dev",
    "environment": "test",
    "role_arn": "arn:aws:iam::123456789012:role/oracle",
    "security_group_id": "sg-0123456789abcdef0",
    "account": "123456789012",
    "region": "us-east-1",
}
INTS = {"memory": 256, "rate_limit": 100, "burst_limit": 200, "days": 7, "tenant_concurrency": 10,
        "concurrency": 10, "shard_count": 1, "timeout": 30}
LISTS = {"subnet_ids": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]}
DICTS = {"tags": {"Owner": "oracle"}}
ENV = cdk.Environment(account="123456789012", region="us-east-1")
# Files a program names by a relative path (NodejsFunction entry="src/x.ts", ...).
FILE_REF = re.compile(r"""["']([\w][\w./-]*\.(?:ts|js|mjs|cjs|py|go|zip))["']""")


class Props(dict):
    """An opaque settings dict (``props["snapshots"]``): a key the program reads gets a
    value made up from its name."""

    def __init__(self, deps, items):
        super().__init__(items)
        self.deps = deps

    def __missing__(self, key):
        low = key.lower()
        if "retention" in low:
            v = cdk.Duration.days(7)
        elif low == "cluster":
            v = {"engine": aws_rds.DatabaseClusterEngine.aurora_postgres(
                     version=aws_rds.AuroraPostgresEngineVersion.VER_16_4),
                 "vpc": self.deps.get("vpc"),
                 "writer": aws_rds.ClusterInstance.provisioned("writer")}
        elif low in INTS or any(w in low for w in ("count", "nodes", "snapshots", "size", "days")):
            v = INTS.get(low, 1)
        elif low in STRINGS:
            v = STRINGS[low]
        else:
            v = True  # deletion_protection, encrypted, tls...
        self[key] = v
        return v


class Deps:
    """Constructs a stack's constructor may want (a VPC, a function, a REST API), made
    on demand in a helper stack of the same app."""

    def __init__(self, app, drop=()):
        self.app = app
        self.drop = set(drop)  # keys a program passes itself next to **defaults
        self._stack = None
        self._made = {}

    @property
    def stack(self):
        if self._stack is None:
            self._stack = cdk.Stack(self.app, "OracleDeps", env=ENV)
        return self._stack

    def get(self, kind):
        if kind not in self._made:
            s = self.stack
            if kind == "vpc":
                SubnetType = aws_ec2.SubnetType
                obj = aws_ec2.Vpc(s, "Vpc", max_azs=2, subnet_configuration=[
                    aws_ec2.SubnetConfiguration(name=n, subnet_type=t, cidr_mask=24)
                    for n, t in (("public", SubnetType.PUBLIC), ("private", SubnetType.PRIVATE_WITH_EGRESS),
                                 ("isolated", SubnetType.PRIVATE_ISOLATED))])
            elif kind == "key":
                obj = aws_kms.Key(s, "Key", enable_key_rotation=True)
            elif kind == "function":
                obj = aws_lambda.Function(s, "Fn", runtime=aws_lambda.Runtime.PYTHON_3_12, handler="index.handler",
                                          code=aws_lambda.Code.from_inline("def handler(e, c):\n    return None\n"))
            elif kind == "restapi":
                obj = aws_apigateway.RestApi(s, "Api")
                obj.root.add_method("GET", aws_apigateway.MockIntegration())
            else:
                raise KeyError(kind)
            self._made[kind] = obj
        return self._made[kind]


def _annotation(fn, param, module):
    ann = param.annotation
    if ann is inspect.Parameter.empty:
        return None
    if isinstance(ann, str):
        try:
            ann = eval(ann, vars(module))  # our own golden files
        except Exception:  # noqa: BLE001 - an annotation we cannot resolve stays text
            return ann
    return ann


def _value(name, ann, module, deps):
    """A sensible argument for parameter ``name`` annotated ``ann``."""
    text = ann if isinstance(ann, str) else getattr(ann, "__name__", None) or repr(ann)
    origin = typing.get_origin(ann)
    if origin is typing.Union:
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        if args:
            return _value(name, args[0], module, deps)
    low = name.lower()
    if "vpc" in low or "Vpc" in str(text):
        return deps.get("vpc")
    if "RestApi" in str(text) or low in ("api", "rest_api"):
        return deps.get("restapi")
    if "IKey" in str(text) or low in ("key", "kms_key", "encryption_key"):
        return deps.get("key")
    if "IInstanceEngine" in str(text) or (low == "engine" and "Cluster" not in str(text)):
        return aws_rds.DatabaseInstanceEngine.postgres(version=aws_rds.PostgresEngineVersion.VER_16)
    if "IClusterEngine" in str(text):
        return aws_rds.DatabaseClusterEngine.aurora_postgres(version=aws_rds.AuroraPostgresEngineVersion.VER_16_4)
    if "IFunction" in str(text) or low in ("handler", "function", "fn", "func"):
        return deps.get("function")
    if isinstance(ann, type) and issubclass(ann, enum.Enum):
        return next(iter(ann))
    if isinstance(ann, type) and hasattr(ann, "__jsii_type__") and not inspect.isabstract(ann):
        # jsii structs (StageOptions, ...) and enum-like classes
        try:
            return ann()
        except Exception:
            members = [v for k, v in vars(ann).items() if k.isupper()]
            if members:
                return members[0]
            raise
    if ann is bool:
        return True
    if ann is int:
        return INTS.get(low, 10)
    if ann is float:
        return 1.0
    if ann is list or origin is list:
        return LISTS.get(low, [])
    if ann is dict or origin is dict:
        if "function" in low or "lambda" in low:
            return {k: v for k, v in {"runtime": aws_lambda.Runtime.PYTHON_3_12, "handler": "index.handler",
                    "code": aws_lambda.Code.from_inline("def handler(e, c):\n    return None\n")}.items()
                    if k not in deps.drop}
        return Props(deps, DICTS.get(low, {}))
    if ann is str or ann is None:
        if low in STRINGS:
            return STRINGS[low]
        if low in INTS:
            return INTS[low]
        if low in LISTS:
            return LISTS[low]
        return f"oracle-{low}"
    if isinstance(ann, type) and ann.__module__ == module.__name__:
        # a props class defined next to the stack
        return _construct(ann, module, deps)
    raise TypeError(f"no value for parameter {name}: {text}")


def _construct(cls, module, deps, *fixed):
    sig = inspect.signature(cls.__init__)
    params = list(sig.parameters.values())[1:]  # drop self
    args, kwargs = list(fixed), {}
    for p in params[len(fixed):]:
        if p.kind == p.VAR_KEYWORD and fixed:
            kwargs.setdefault("env", ENV)  # a stack: region-bound, as deployed
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name == "env" and fixed:
            kwargs["env"] = ENV
            continue
        if p.default is not inspect.Parameter.empty:
            continue
        v = _value(p.name, _annotation(cls.__init__, p, module), module, deps)
        if p.kind == p.KEYWORD_ONLY:
            kwargs[p.name] = v
        else:
            args.append(v)
    return cls(*args, **kwargs)


def synth(path: str) -> dict:
    src = Path(path).read_text(encoding="utf-8")
    if "from ." in src:
        return {"skip": "imports a sibling module (relative import) that the case does not hold"}
    for ref in FILE_REF.findall(src):
        f = WORK / ref
        if not f.exists() and ".." not in ref:
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text("export const handler = async () => undefined;\n" if ref.endswith(("ts", "js"))
                         else "def handler(event, context):\n    return None\n")
    name = "oracle_prog_" + str(abs(hash(path)))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except ModuleNotFoundError as e:
        if e.name and not e.name.startswith(("aws_cdk", "constructs")):
            return {"skip": f"imports {e.name!r}, which is not a CDK module"}
        raise
    stacks = [c for c in vars(module).values()
              if inspect.isclass(c) and issubclass(c, cdk.Stack) and c.__module__ == name]
    if not stacks:
        return {"error": "defines no Stack subclass"}
    drop = set()
    for attempt in range(5):
        app = cdk.App(outdir=str(WORK / f"out-{name}-{attempt}"), context={"aws:cdk:bundling-stacks": []})
        deps = Deps(app, drop)
        names = []
        try:
            for cls in stacks:
                sid = cls.__name__
                _construct(cls, module, deps, app, sid)
                names.append(sid)
        except TypeError as e:
            m = re.search(r"multiple values for keyword argument '(\w+)'", str(e))
            if not m or m.group(1) in drop:
                raise
            drop.add(m.group(1))
            continue
        break
    result = {}
    try:
        assembly = app.synth()
    except Exception as e:
        # Construct validation (e.g. "The REST API doesn't contain any methods"): keep the
        # messages, so the test can tell an error the fix introduced from one the input had.
        msg = str(e)
        if "ValidationFailedWithErrors" not in msg:
            raise
        result["validation_errors"] = sorted(
            {ln.strip() for ln in msg.splitlines() if ln.strip().startswith("[")})
        assembly = app.synth(skip_validation=True, force=True)
    result["templates"] = {n: assembly.get_stack_by_name(n).template for n in names}
    return result


def main(argv):
    out = {}
    for path in argv:
        try:
            out[path] = synth(os.path.abspath(path))
        except Exception as e:  # noqa: BLE001 - report, go on with the next file
            tb = traceback.format_exception(type(e), e, e.__traceback__)
            out[path] = {"error": f"{type(e).__name__}: {e}\n{''.join(tb[-3:])}"[-2000:]}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(ARGS))
