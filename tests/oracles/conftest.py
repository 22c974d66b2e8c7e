"""Independent oracles: tools we did not write judge our fixes.

They run from a separate environment (scripts/install-oracles.sh makes
.venv-oracles; $IACFIX_ORACLES may point at another bin directory). A missing
tool skips its tests with the reason shown in pytest's summary (-ra).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def oracle(name: str) -> str:
    bindir = os.environ.get("IACFIX_ORACLES") or str(ROOT / ".venv-oracles" / "bin")
    exe = Path(bindir) / name
    if exe.exists():
        return str(exe)
    found = shutil.which(name) if name == "terraform" else None
    if found:
        return found
    pytest.skip(f"{name} is not installed (run scripts/install-oracles.sh)" if name != "terraform"
                else "no terraform binary on this machine")


def pytest_collection_modifyitems(items):
    for item in items:
        if "oracles" in str(item.fspath):
            item.add_marker(pytest.mark.oracle)


def oracle_python(venv: str, env_var: str) -> str:
    """The python of a separate oracle venv (``.venv-oracles-cdk``...), or $``env_var``
    (a bin directory, like $IACFIX_ORACLES); skips when it is missing."""
    bindir = os.environ.get(env_var) or str(ROOT / venv / "bin")
    exe = Path(bindir) / "python"
    if exe.exists():
        return str(exe)
    pytest.skip(f"{venv} is missing (run scripts/install-oracles.sh)")


def run_batches(python: str, runner: Path, paths, jobs: int = 2, timeout: int = 900) -> dict:
    """Run ``python runner FILE...`` over ``paths`` in ``jobs`` parallel processes; merge
    the JSON objects they print (runner start-up, e.g. jsii's, is paid once per batch)."""
    import json
    import subprocess

    paths = [str(p) for p in paths]
    if not paths:
        return {}
    chunks = [paths[i::jobs] for i in range(jobs) if paths[i::jobs]]
    procs = [subprocess.Popen([python, str(runner), *chunk], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=str(ROOT)) for chunk in chunks]
    out = {}
    for p in procs:
        stdout, stderr = p.communicate(timeout=timeout)
        if p.returncode != 0 or not stdout.strip():
            raise AssertionError(f"{runner.name} failed ({p.returncode}): {stderr[-1500:]}")
        out.update(json.loads(stdout))
    return out
