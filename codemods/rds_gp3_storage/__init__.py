"""IAC029 rds-gp3-storage: RDS instances use gp3 storage."""

from iacfix.codemods.common.aws import DB_INHERITS, DB_MEMBER
from iacfix.codemods.spec import (
    Above, Absent, All, Codemod, Exactly, Is, Not, Rule, Satisfies, invalid, language_detectors, valid,
)

# Where gp3's baseline is below what gp2 gives the same volume, the move is the owner's
# call: gp2 gives 3 IOPS per GiB (12,000 at 4,000 GiB), gp3 a baseline of 12,000 IOPS
# from 400 GiB, but on SQL Server 3,000 IOPS at every size (gp2 passes that at 1,000 GiB).
GP2_BASELINE_BEYOND_GP3 = 4000
# the smallest gp3 (and gp2) volume RDS makes, in GiB: a smaller one is magnetic storage
GP3_MINIMUM = 20
SQLSERVER_GP2_BASELINE_BEYOND_GP3 = 1000


def _sqlserver(engine):
    return "sqlserver" in engine.lower() if isinstance(engine, str) else None


CODEMOD = Codemod(
    id="IAC029",
    slug="rds-gp3-storage",
    tags=("cost", "performance"),
    severity="low",
    title="RDS instances use gp3 storage",
    rationale=(
        "gp2 storage ties performance to size: a 100 GiB volume gets 300 IOPS, bursts above "
        "that on credits, and slows to the baseline when they run out, often under the load that "
        "spent them. gp3 gives at least 3,000 IOPS and 125 MiB/s at any size (12,000 IOPS and "
        "500 MiB/s from 400 GiB on most engines) and costs about a fifth less per GiB. iacfix "
        "writes storage_type gp3 on RDS instances whose storage type is not given (CDK's "
        "DatabaseInstance then uses gp2; RDS's own default is gp3 only for instances created since "
        "it changed, so writing it states the type in effect for new instances and moves older "
        "ones) or is gp2 (an unsafe fix: the file chose it). Changing the storage type is a "
        "modification, not a replacement: the instance stays available while its storage is "
        "optimised, which can take hours, during which backups pause and storage cannot be "
        "modified again for six hours. Instances with provisioned IOPS, read replicas and restores "
        "(they start from their source's storage), instances of an Aurora cluster (Aurora storage "
        "is the cluster's), volumes below gp3's 20 GiB minimum (magnetic storage) and volumes "
        "where gp2's baseline passes gp3's (above 4,000 GiB; above 1,000 GiB on SQL Server) are "
        "left alone."
    ),
    unsafe_note="gp2 written explicitly is reported; changing it to gp3 is unsafe",
    rules=(
        Rule(("rds.DBInstance",), {"storage_type": Exactly("gp3", label="gp3 storage", off="uses gp2 storage")},
             what="RDS instance",
             when=All(Not(DB_MEMBER), Not(DB_INHERITS), Absent("iops"), Is("storage_type", "gp2", missing=True),
                      Above("allocated_storage", GP3_MINIMUM - 1, missing=True),
                      Not(Above("allocated_storage", GP2_BASELINE_BEYOND_GP3)),
                      Not(All(Satisfies("engine", _sqlserver),
                              Above("allocated_storage", SQLSERVER_GP2_BASELINE_BEYOND_GP3))))),
    ),
    examples=(
        invalid('terraform', 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  allocated_storage = 50\n}\n'),
        valid('terraform', 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  allocated_storage = 500\n  storage_type      = "io1"\n  iops              = 3000\n}\n'),
        invalid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      AllocatedStorage: "50"\n'),
        valid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: sqlserver-se\n      AllocatedStorage: "2000"\n      StorageType: gp2\n'),
        invalid('cdk', 'from aws_cdk import aws_rds as rds\n\nrds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc)\n'),
        valid('cdk', 'from aws_cdk import aws_rds as rds\n\nrds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc, storage_type=rds.StorageType.GP3)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.rds.Instance("db", engine="postgres", allocated_storage=50, storage_type="gp2")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.rds.Instance("db", engine="postgres", replicate_source_db=source.identifier)\n'),
    ),
    detectors=language_detectors(__name__),
)
