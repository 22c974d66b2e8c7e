"""The fleet recipe (docs/bot.md, "A fleet of repositories"): the multi-gitter script runs
`iacfix fix` and tells multi-gitter apart "done, maybe with findings left" from "this
repository could not be processed"; the reusable workflow takes what the docs say it takes."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "fleet" / "multi-gitter-iacfix.sh"
WORKFLOW = ROOT / ".github" / "workflows" / "fleet.yml"


def _run(tmp_path, code, env=None):
    """The script with a stand-in `iacfix` that records its arguments and exits ``code``."""
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    fake = bindir / "iacfix"
    fake.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/args"\nexit {code}\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}", **(env or {})}
    r = subprocess.run(["bash", str(SCRIPT)], cwd=tmp_path, env=env, capture_output=True, text=True)
    return r.returncode, (tmp_path / "args").read_text().strip()


def test_the_script_is_valid_bash():
    assert subprocess.run(["bash", "-n", str(SCRIPT)]).returncode == 0


def test_findings_left_do_not_fail_the_repository(tmp_path):
    assert _run(tmp_path, 0) == (0, "fix .")
    assert _run(tmp_path, 1) == (0, "fix .")  # fixed what it could: multi-gitter opens the PR


def test_a_usage_error_fails_the_repository(tmp_path):
    assert _run(tmp_path, 2)[0] == 2


def test_paths_and_args_are_passed_on(tmp_path):
    got = _run(tmp_path, 0, {"IACFIX_PATHS": "infra stacks", "IACFIX_ARGS": "--ignore required-tags"})
    assert got == (0, "fix --ignore required-tags infra stacks")


def test_the_reusable_workflow_is_called_with_the_inputs_the_docs_name():
    wf = YAML(typ="safe").load(WORKFLOW.read_text())
    call = wf["on"]["workflow_call"]
    assert set(call["inputs"]) == {"paths", "select", "config", "args", "iacfix", "python-version", "runs-on"}
    assert not any(i.get("required") for i in call["inputs"].values()) and "token" in call["secrets"]
    doc = (ROOT / "docs" / "bot.md").read_text()
    assert "uses: OWNER/iacfix/.github/workflows/fleet.yml@v0.1.0" in doc
    for name in call["inputs"]:
        assert f"`{name}`" in doc, name
