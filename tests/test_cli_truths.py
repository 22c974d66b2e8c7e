"""What the command line says must be true: exit codes a CI gate relies on, and what
`iacfix explain` prints being usable as written."""

import sys

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix.cli import main
from iacfix.config import parse_config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GAP = 'resource "aws_kms_key" "k" {\n  description = "k"\n}\n'


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_dry_run_fails_on_a_missing_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("--dry-run", "-j", "1", "--select", "kms-key-rotation", "nothere.tf")
    assert r.exit_code == 1, r.output
    assert "nothere.tf: error:" in r.output


def test_dry_run_fails_on_an_unparsable_file_even_beside_a_clean_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.tf").write_text('resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n')
    (tmp_path / "broken.tf").write_text('resource "aws_kms_key" "k" {\n  description = \n')
    r = cli("fix", "--dry-run", "-j", "1", "--select", "kms-key-rotation", ".")
    assert r.stdout == ""  # no diff
    assert r.exit_code == 1, r.output
    assert "broken.tf" in r.stderr


def test_dry_run_exits_0_when_clean_and_1_with_a_diff(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text(GAP)
    assert cli("--dry-run", "-j", "1", "--select", "kms-key-rotation", ".").exit_code == 1
    (tmp_path / "main.tf").write_text('resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n')
    assert cli("--dry-run", "-j", "1", "--select", "kms-key-rotation", ".").exit_code == 0


@pytest.mark.parametrize("cm", [c for c in codemods.CATALOG if c.params], ids=lambda c: c.slug)
def test_explain_prints_parameters_as_toml_that_configures_the_defaults(cm):
    r = cli("explain", cm.slug)
    assert r.exit_code == 0, r.output
    block = r.output.split(f"([tool.iacfix.{cm.slug}]):\n", 1)[1].split("\n\n", 1)[0]
    settings = [ln.strip() for ln in block.splitlines() if ln.startswith("  ") and not ln.startswith("      ")]
    toml = f"[{cm.slug}]\n" + "\n".join(settings) + "\n"
    data = tomllib.loads(toml)  # pasted as printed: valid TOML
    cfg = parse_config(data, None)
    want = {p.name: p.default for p in cm.params if p.default is not None}
    assert cfg.params.get(cm.slug, {}) == want
