"""A configuration is checked before anything is written: every mistake is one line,
``iacfix: error: <file>: <key>: <what is wrong, what is expected>``, exit code 2."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix.cli import main

KEY_TF = 'resource "aws_kms_key" "orders" {\n  description = "orders"\n}\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "main.tf").write_text(KEY_TF)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, [*args])


def config_error(project, toml: str, name=".iacfix.toml", *args) -> str:
    (project / name).write_text(toml)
    before = (project / "main.tf").read_text()
    r = run("fix", "-j", "1", *args, ".")
    assert (project / "main.tf").read_text() == before
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.splitlines()) == 1, r.stderr
    return r.stderr.strip()


# -- a configuration that cannot be read is an error, never skipped ------------------------


def test_a_pyproject_that_does_not_parse_is_an_error(project):
    err = config_error(project, '[tool.iacfix]\nselect = ["kms-key-alias"\n', "pyproject.toml")
    assert err.startswith(f"iacfix: error: {project / 'pyproject.toml'}: invalid TOML: ")


def test_an_empty_select_is_an_error_that_says_what_to_write(project):
    err = config_error(project, "select = []\n")
    assert err == (f"iacfix: error: {project / '.iacfix.toml'}: select: an empty list selects no codemod; "
                   f"leave select out (or write select = [\"ALL\"]) to run every codemod, or name the ones to run")


# -- parameters: the range and form AWS accepts --------------------------------------------

PARAMS = [
    ("lambda-concurrency", "reserved-concurrency = -1", "-1 is below 1; expected an integer from 1 to 2147483647"),
    ("lambda-limits", "timeout-seconds = -1", "-1 is below 1; expected an integer from 1 to 900"),
    ("lambda-limits", "memory-mb = 0", "0 is below 128; expected an integer from 128 to 10240"),
    ("lambda-limits", "timeout-seconds = 30.5", "30.5 is not an integer; expected an integer from 1 to 900"),
    ("dead-letter-queue", "max-receive-count = -3", "-3 is below 1; expected an integer from 1 to 1000"),
    ("dead-letter-queue", "max-receive-count = 1e308", "1e+308 is not an integer; expected an integer from 1 to 1000"),
    ("dead-letter-queue", "max-receive-count = " + "1" + "0" * 308,
     "an integer of 309 digits is above 1000; expected an integer from 1 to 1000"),
    ("dead-letter-queue", 'dlq-suffix = ""', '"" is not accepted; expected a word of 1 to 20 lowercase letters'),
    ("dead-letter-queue", "dlq-suffix = 'x\", queue_name=\"evil'", ' is not accepted; expected a word of'),
    ("api-throttling", "rate-limit = 12.5", "12.5 is not an integer"),
    ("api-throttling", "burst-limit = nan", "nan is not an integer"),
    ("api-throttling", "rate-limit = inf", "inf is not an integer"),
    ("log-retention", "retention-days = 42", "42 is not accepted; expected one of 1, 3, 5, 7, 14, 30, 60"),
    ("required-tags", "tags = { Team = 5 }", 'the value of "Team" is 5, not a string'),
    ("required-tags", "tags = { Team = true }", 'the value of "Team" is true, not a string'),
    ("required-tags", "tags = { Team = { a = 1 } }", 'the value of "Team" is a table, not a string'),
    ("required-tags", 'tags = { Environment = "{enviroment_suffix}" }',
     'the value of "Environment": "{enviroment_suffix}" has an unknown placeholder {enviroment_suffix}; expected '),
    ("required-tags", 'tags = ["Team"]', "a list is not a table"),
    ("kms-key-alias", 'prefix = "keys/"', '"keys/" is not accepted; expected alias/ followed by'),
    ("environment-suffix", 'default = "dev\\" + evil"', "is not accepted; expected a value of 1 to 32 lowercase"),
    ("kinesis-shard-metrics", 'metrics = ["IncomingBytes", "Bogus"]', 'the item "Bogus" is not accepted'),
    ("sqs-encryption", 'use-kms-key = "yes"', '"yes" is not true or false; expected true or false'),
    ("rds-windows", 'backup-window = "3:00-4:00"', '"3:00-4:00" is not accepted; expected hh24:mi-hh24:mi'),
    ("rds-windows", 'backup-window = "03:00-03:15"', "shorter than the 30 minutes RDS requires"),
    ("rds-windows", 'backup-window = "23:50-00:10"', "shorter than the 30 minutes RDS requires"),
    ("rds-windows", 'maintenance-window = "sunday:04:00-sunday:05:00"', "expected ddd:hh24:mi-ddd:hh24:mi"),
    ("rds-windows", 'maintenance-window = "sun:04:00-mon:05:00"', "longer than the 24 hours RDS allows"),
]


@pytest.mark.parametrize("slug,line,wrong", PARAMS)
def test_a_parameter_outside_what_aws_accepts_is_an_error(project, slug, line, wrong):
    err = config_error(project, f"[{slug}]\n{line}\n")
    key = line.split(" =")[0]
    assert err.startswith(f"iacfix: error: {project / '.iacfix.toml'}: {slug}.{key}: "), err
    assert wrong in err, err


def test_every_default_is_accepted_by_its_own_validation():
    for cm in codemods.CATALOG:
        for p in cm.params:
            assert p.problem(p.default) is None, (cm.slug, p.name, p.problem(p.default))


def test_accepted_values_still_work(project):
    (project / ".iacfix.toml").write_text(
        '[lambda-limits]\ntimeout-seconds = 900\nmemory-mb = 10240\n'
        '[required-tags]\ntags = { Team = "payments", Environment = "{environment_suffix}", Tool = "{tool}" }\n'
        '[dead-letter-queue]\ndlq-suffix = "deadletters"\n'
    )
    r = run("check", "-j", "1", ".")
    assert r.exit_code == 1 and "error" not in r.stderr, r.output


def test_windows_that_meet_are_an_error_naming_both(project):
    # Sunday 23:45 to Monday 00:15 meets the daily backup window at midnight
    err = config_error(project, '[rds-windows]\nbackup-window = "00:00-00:30"\n'
                                'maintenance-window = "sun:23:45-mon:00:15"\n')
    assert err == (f"iacfix: error: {project / '.iacfix.toml'}: rds-windows: backup-window \"00:00-00:30\" "
                   f"overlaps maintenance-window \"sun:23:45-mon:00:15\"; RDS requires them apart"), err


def test_windows_apart_are_accepted():
    from iacfix.codemods.rds_windows import overlap
    assert not overlap("03:00-03:30", "sun:04:00-sun:04:30")
    assert overlap("03:00-04:30", "sun:04:00-sun:04:30")
    assert overlap("23:30-00:30", "mon:00:00-mon:00:30")  # across midnight
    assert overlap("23:30-00:30", "sun:23:50-mon:00:20")  # across the week's end
    assert not overlap("22:00-22:30", "sat:23:00-sat:23:30")


# -- the configuration's shape ----------------------------------------------------------------

SCHEMA = [
    ('select = { a = 1 }', "select: got a table; expected a list of codemod ids, slugs or Checkov ids"),
    ('ignore = "IAC001"', 'ignore: got "IAC001"; expected a list of codemod ids, slugs or Checkov ids'),
    ('exclude = [1, 2]', "exclude: got a list with 1; expected a list of glob patterns"),
    ('unsafe-fixes = "yes"', 'unsafe-fixes: got "yes"; expected true or false'),
    ('max-file-size = nan', "max-file-size: got nan; expected a whole number of bytes from 1 to 268435456"),
    ('max-file-size = inf', "max-file-size: got inf; expected a whole number of bytes from 1 to 268435456"),
    ('max-file-size = 99999999999999999', "max-file-size: got 99999999999999999; expected a whole number of bytes"),
    ('max-file-size = 0', "max-file-size: got 0; expected a whole number of bytes"),
    ('dead-letter-queue = 3', "dead-letter-queue: got 3; expected a table of its parameters"),
    ('selct = ["x"]', "selct: unknown key; valid: "),
]


@pytest.mark.parametrize("toml,wrong", SCHEMA)
def test_a_key_of_the_wrong_shape_is_one_clear_line(project, toml, wrong):
    err = config_error(project, toml + "\n")
    assert err.startswith(f"iacfix: error: {project / '.iacfix.toml'}: {wrong}"), err


def test_tool_iacfix_that_is_not_a_table(project):
    err = config_error(project, '[tool]\niacfix = 3\n', "pyproject.toml")
    assert err == f"iacfix: error: {project / 'pyproject.toml'}: tool.iacfix: got 3; expected a table"


def test_a_utf16_configuration_says_so(project):
    (project / ".iacfix.toml").write_bytes('select = ["kms-key-alias"]\n'.encode("utf-16"))
    r = run("check", "-j", "1", ".")
    assert r.exit_code == 2
    assert r.stderr == (f"iacfix: error: {project / '.iacfix.toml'}: the file is UTF-16 encoded; "
                        f"a configuration file must be UTF-8\n")


def test_a_directory_or_a_fifo_as_config_is_one_line(project):
    (project / "conf.d").mkdir()
    r = run("check", "--config", "conf.d", ".")
    assert r.exit_code == 2 and r.stderr == "iacfix: error: conf.d: a directory, not a configuration file\n"
    if hasattr(os, "mkfifo"):
        os.mkfifo(project / "fifo.toml")
        r = run("check", "--config", "fifo.toml", ".")  # must not wait for a writer
        assert r.exit_code == 2 and r.stderr == "iacfix: error: fifo.toml: a FIFO, not a configuration file\n"


def test_a_broken_pyproject_that_does_not_name_iacfix_is_not_its_configuration(project):
    (project / "pyproject.toml").write_text('[project\nname = "x"\n')
    r = run("check", "-j", "1", ".")
    assert r.exit_code == 1 and "error" not in r.stderr, r.output


def test_a_broken_utf16_pyproject_naming_iacfix_is_an_error(project):
    (project / "pyproject.toml").write_bytes('[tool.iacfix]\nselect = ["kms-key-alias"]\n'.encode("utf-16"))
    r = run("check", "-j", "1", ".")
    assert r.exit_code == 2 and "the file is UTF-16 encoded" in r.stderr
