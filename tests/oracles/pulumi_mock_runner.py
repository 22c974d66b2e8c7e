"""Run Pulumi Python programs under mocks; run with the python of .venv-oracles-pulumi.

    python pulumi_mock_runner.py FILE...

No engine, no cloud: ``pulumi.runtime.set_mocks`` with a ``Mocks`` whose
``new_resource`` returns ``(name + "_id", inputs)`` (plus an ``arn`` naming the
resource, see ``mock_arn``, a default ``name`` and a KMS key's ``keyId``; a StackReference gets empty ``outputs``) and whose ``call`` returns ``{}`` (but for the few invokes in ``CALLS``).
Each FILE runs as ``__main__`` inside ``run_pulumi_func`` (which waits for every RPC and
output to settle). Prints one JSON object on stdout:
``{FILE: {"resources": [{"type": token, "name": name, "inputs": {...}}, ...]}
| {"error": "..."} | {"skip": "..."}}``. Stack configuration the programs read is set
below (``CONFIG``) under the project name ``oracle``.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import traceback

PROJECT = "oracle"
CONFIG = {
    "environmentSuffix": "test",
    "apiRoleArn": "arn:aws:iam::123456789012:role/oracle",
    "insights": "enabled",
    "partnerKeySpec": "SYMMETRIC_DEFAULT",
    "streamEncryption": "KMS",
    "deletionProtection": "true",
    "encryptAtRest": "true",
    "encryptQueues": "true",
    "encryptStorage": "true",
    "pitr": "true",
    "backupDays": "7",
    "burstLimit": "200",
    "rateLimit": "100",
    "logRetentionDays": "14",
    "cache": json.dumps({"nodeType": "cache.t3.micro", "nodes": 2, "tls": True}),
    "database": json.dumps({"engine": "postgres", "instanceClass": "db.t3.micro", "copyTags": True}),
    "auditPassword": "oracle-password",
    "privateSubnetIds": json.dumps(["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]),
    "dbPassword": "oracle-password",
}
os.environ["PULUMI_CONFIG"] = json.dumps({f"{PROJECT}:{k}": v for k, v in CONFIG.items()})
os.environ.setdefault("PULUMI_TEST_MODE", "true")

import pulumi
from pulumi.runtime.settings import SETTINGS
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

THIRD_PARTY_OK = ("pulumi", "pulumi_aws", "pulumi_random")
# Invokes whose results the programs use as resource inputs; every other call returns {}.
CALLS = {
    "aws:iam/getPolicyDocument:getPolicyDocument": {"json": json.dumps({"Version": "2012-10-17", "Statement": []})},
    "aws:index/getCallerIdentity:getCallerIdentity": {"accountId": "123456789012", "arn": "arn:aws:iam::123456789012:user/oracle", "userId": "oracle"},
    "aws:index/getRegion:getRegion": {"name": "us-east-1", "region": "us-east-1"},
    "aws:index/getAvailabilityZones:getAvailabilityZones": {
        "id": "us-east-1", "names": ["us-east-1a", "us-east-1b", "us-east-1c"],
        "zoneIds": ["use1-az1", "use1-az2", "use1-az4"],
    },
}


def mock_arn(typ: str, name: str) -> str:
    return f"arn:aws:mock:us-east-1:123456789012:{typ.split(':')[-1].lower()}/{name}"


class Recorder(pulumi.runtime.Mocks):
    def __init__(self):
        self.resources = []

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        self.resources.append({"type": args.typ, "name": args.name, "inputs": args.inputs})
        if args.typ == "pulumi:pulumi:StackReference":
            return args.name + "_id", {**args.inputs, "outputs": {}}
        # An ARN that names the resource, so references (a DLQ's arn in a redrive policy,
        # a key's arn in an alias) can be followed in the recorded inputs.
        # The outputs programs pass on (a key's keyId, a function's name) resolve too.
        state = {"arn": mock_arn(args.typ, args.name), "name": args.name}
        if args.typ == "aws:kms/key:Key":
            state["keyId"] = args.name + "_id"
        return args.name + "_id", {**state, **args.inputs}

    def call(self, args: pulumi.runtime.MockCallArgs):
        return dict(CALLS.get(args.token, {}))


def _jsonable(v):
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


def run(path: str) -> dict:
    mocks = Recorder()
    pulumi.runtime.set_mocks(mocks, project=PROJECT, stack="test", preview=False)
    SETTINGS.rpc_manager.clear()
    SETTINGS.outputs.clear()
    sys.path.insert(0, os.path.dirname(path))
    try:
        _sync_await(run_pulumi_func(lambda: runpy.run_path(path, run_name="__main__")))
    except ModuleNotFoundError as e:
        if e.name and not e.name.split(".")[0] in THIRD_PARTY_OK:
            return {"skip": f"imports {e.name!r}, which is none of {', '.join(THIRD_PARTY_OK)}"}
        raise
    finally:
        sys.path.remove(os.path.dirname(path))
    return {"resources": _jsonable(mocks.resources)}


def main(argv):
    out = {}
    for path in argv:
        try:
            out[path] = run(path)
        except BaseException as e:  # report, go on with the next file
            if isinstance(e, KeyboardInterrupt):
                raise
            tb = traceback.format_exception(type(e), e, e.__traceback__)
            out[path] = {"error": f"{type(e).__name__}: {e}\n{''.join(tb[-3:])}"[-2000:]}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main([os.path.abspath(a) for a in sys.argv[1:]]))
