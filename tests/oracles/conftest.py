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
