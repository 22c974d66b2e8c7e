#!/usr/bin/env bash
# Install the independent oracles (cfn-lint, Checkov) into .venv-oracles, apart from
# the project's venv: Checkov ships its own fork of the `hcl2` module, which would
# shadow python-hcl2 if both lived in one environment. tests/oracles/ finds them here
# (or in $IACFIX_ORACLES) and skips, saying why, when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-oracles
.venv-oracles/bin/pip install -q "cfn-lint>=1.20,<2" "checkov>=3.2,<4"
.venv-oracles/bin/cfn-lint --version
.venv-oracles/bin/checkov --version
