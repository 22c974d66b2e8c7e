"""rds-windows: a window is written only where the owner configured it, and only apart from
the other window the database states (RDS rejects windows that meet)."""

from __future__ import annotations

from click.testing import CliRunner

from iacfix.cli import main

DB = '''resource "aws_db_instance" "orders" {
  engine             = "postgres"
  allocated_storage  = 50
  maintenance_window = "sun:03:15-sun:03:45"
}

resource "aws_rds_cluster" "ledger" {
  engine = "aurora-postgresql"
}
'''


def _fix(tmp_path, monkeypatch, config: str):
    (tmp_path / "main.tf").write_text(DB)
    (tmp_path / ".iacfix.toml").write_text('select = ["rds-windows"]\n' + config)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["fix", "-j", "1", "."])
    return r, (tmp_path / "main.tf").read_text()


def test_one_window_configured_fixes_that_window_and_reports_the_other(tmp_path, monkeypatch):
    r, text = _fix(tmp_path, monkeypatch, '[rds-windows]\nbackup-window = "01:00-01:30"\n')
    assert '  backup_window      = "01:00-01:30"\n' in text
    assert 'preferred_backup_window = "01:00-01:30"' in text
    assert text.count("maintenance_window") == 1  # the instance's own; the cluster's is withheld
    r = CliRunner().invoke(main, ["check", "-j", "1", "."])
    assert "Aurora cluster 'ledger' has no maintenance window" in r.output
    assert 'set [tool.iacfix.rds-windows] maintenance-window = "ddd:hh24:mi-ddd:hh24:mi" to fix' in r.output
    assert "backup window" not in r.output


def test_a_backup_window_that_would_meet_the_stated_maintenance_window_is_not_written(tmp_path, monkeypatch):
    # daily 03:00-03:30 meets the instance's own Sunday 03:15-03:45
    r, text = _fix(tmp_path, monkeypatch, '[rds-windows]\nbackup-window = "03:00-03:30"\n')
    assert 'backup_window      = "03:00-03:30"' not in text
    assert 'preferred_backup_window = "03:00-03:30"' in text  # the cluster states no maintenance window
