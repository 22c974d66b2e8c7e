"""IAC030 rds-windows: RDS instances and Aurora clusters state their backup and maintenance windows."""

import re

from iacfix.codemods.common.aws import DB_MEMBER, DB_REPLICA
from iacfix.codemods.spec import (
    All, Codemod, Explicit, Is, Not, Param, Parameter, Rule, Satisfies, invalid, language_detectors, valid,
)

_HM = r"([01]\d|2[0-3]):([0-5]\d)"
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BACKUP = re.compile(rf"{_HM}-{_HM}")
MAINTENANCE = re.compile(rf"({'|'.join(_DAYS)}):{_HM}-({'|'.join(_DAYS)}):{_HM}", re.I)
WEEK = 7 * 24 * 60


def _backup_span(text: str):
    """(start, end) minutes of the day; the end may pass midnight (end > 1440)."""
    m = BACKUP.fullmatch(text)
    start, end = int(m[1]) * 60 + int(m[2]), int(m[3]) * 60 + int(m[4])
    return start, end if end > start else end + 24 * 60


def _maintenance_span(text: str):
    """(start, end) minutes of the week, Monday 00:00 first; the end may pass Sunday midnight."""
    m = MAINTENANCE.fullmatch(text)
    start = _DAYS.index(m[1].lower()) * 1440 + int(m[2]) * 60 + int(m[3])
    end = _DAYS.index(m[4].lower()) * 1440 + int(m[5]) * 60 + int(m[6])
    return start, end if end > start else end + WEEK


def _check_backup(text: str):
    start, end = _backup_span(text)
    if end - start < 30:
        return f'"{text}" is shorter than the 30 minutes RDS requires'
    return None


def _check_maintenance(text: str):
    start, end = _maintenance_span(text)
    if end - start < 30:
        return f'"{text}" is shorter than the 30 minutes RDS requires'
    if end - start > 24 * 60:
        return f'"{text}" is longer than the 24 hours RDS allows'
    return None


def overlap(backup: str, maintenance: str) -> bool:
    """The daily backup window meets the weekly maintenance window (RDS rejects that)."""
    b0, b1 = _backup_span(backup)
    m0, m1 = _maintenance_span(maintenance)
    for day in range(-1, 8):
        s, e = day * 1440 + b0, day * 1440 + b1
        for shift in (0, WEEK, -WEEK):
            if s < m1 + shift and m0 + shift < e:
                return True
    return False


def _check(params):
    b, m = params.get("backup_window"), params.get("maintenance_window")
    if b and m and overlap(b, m):
        return f"backup-window \"{b}\" overlaps maintenance-window \"{m}\"; RDS requires them apart"
    return None


BACKUP_ON = Not(Is("backup_retention_period", 0))


def _apart(writes_backup: bool):
    """The configured window (to write) does not meet the other window the file states. A stated window
    that cannot be read cannot be said to; an other window not configured (the placeholder
    a finding without a fix is detected with) does not stand in the way."""
    def test(stated, configured):
        if not isinstance(configured, str) or not (BACKUP if writes_backup else MAINTENANCE).fullmatch(configured):
            return True
        if not isinstance(stated, str) or not (MAINTENANCE if writes_backup else BACKUP).fullmatch(stated):
            return None
        b, m = (configured, stated) if writes_backup else (stated, configured)
        return not overlap(b, m)
    return test


# a window is written only where it keeps apart from the other window the file states
APART_FROM_MAINTENANCE = Satisfies("preferred_maintenance_window", _apart(True), missing=True,
                                   param="backup_window")
APART_FROM_BACKUP = Satisfies("preferred_backup_window", _apart(False), missing=True, param="maintenance_window")

CODEMOD = Codemod(
    id="IAC030",
    slug="rds-windows",
    tags=("reliability", "operations"),
    severity="low",
    title="RDS instances and Aurora clusters state their backup and maintenance windows",
    rationale=(
        "Without a backup window and a maintenance window, RDS picks a random 30-minute slot in an "
        "eight-hour block of the region for each: backups (with their I/O pause on single-AZ "
        "instances) and patching, reboots and failovers then land whenever that happens to be, "
        "often at a busy hour, and differently in every environment. The right windows are the "
        "owner's quiet hours, which iacfix cannot know: it reports databases without them, and "
        "writes the windows you configure in [tool.iacfix.rds-windows] backup-window (daily, "
        "hh24:mi-hh24:mi, UTC) and maintenance-window (weekly, ddd:hh24:mi-ddd:hh24:mi, UTC); "
        "each at least 30 minutes, and apart, as RDS requires. A window the file already states is "
        "the author's, and a configured window that would meet the other window a database states "
        "is not written there. The backup window is not asked of read replicas, of databases without "
        "automated backups (retention 0), or of an Aurora cluster's instances (the cluster's); "
        "the maintenance window is asked of an Aurora cluster, not of its instances. Changing a "
        "window is a modification: nothing restarts. In CDK a DatabaseCluster's backup window goes "
        "in its backup= props, which also need the retention: it is not asked there."
    ),
    params=(
        Parameter("backup_window", None, "the daily backup window, UTC (no default: only the owner knows the "
                  "quiet hours; unset, findings are reported only)",
                  kind=str, pattern=BACKUP.pattern, form="hh24:mi-hh24:mi such as 03:00-03:30",
                  check=_check_backup, example="hh24:mi-hh24:mi"),
        Parameter("maintenance_window", None, "the weekly maintenance window, UTC (no default: only the owner "
                  "knows the quiet hours; unset, findings are reported only)",
                  kind=str, pattern=r"(?i)" + MAINTENANCE.pattern, form="ddd:hh24:mi-ddd:hh24:mi such as "
                  "sun:04:00-sun:04:30", check=_check_maintenance, example="ddd:hh24:mi-ddd:hh24:mi"),
    ),
    check_params=_check,
    fix_needs=("backup_window", "maintenance_window"),
    rules=(
        *(Rule((kind,), {"preferred_backup_window": Explicit(Param("backup_window"), label="backup window")},
               what=what, detail="backup-window",
               when=All(Not(DB_MEMBER), Not(DB_REPLICA), BACKUP_ON, APART_FROM_MAINTENANCE))
          for kind, what in (("rds.DBInstance", "RDS instance"), ("rds.DBCluster", "Aurora cluster"))),
        *(Rule((kind,), {"preferred_maintenance_window": Explicit(Param("maintenance_window"),
                                                                   label="maintenance window")},
               what=what, detail="maintenance-window", when=All(Not(DB_MEMBER), APART_FROM_BACKUP))
          for kind, what in (("rds.DBInstance", "RDS instance"), ("rds.DBCluster", "Aurora cluster"))),
    ),
    examples=(
        invalid('terraform', 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n'),
        valid('terraform', 'resource "aws_db_instance" "db" {\n  engine             = "postgres"\n'
                           '  backup_window      = "03:00-03:30"\n  maintenance_window = "sun:04:00-sun:04:30"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n'),
        valid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n'
                                '      DBClusterIdentifier: !Ref Cluster\n      Engine: aurora-mysql\n'),
        invalid('cdk', 'from aws_cdk import aws_rds as rds\n\nrds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.rds.Cluster("db", engine="aurora-postgresql")\n'),
    ),
    detectors=language_detectors(__name__),
)
