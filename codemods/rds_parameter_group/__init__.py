"""IAC027 rds-parameter-group: RDS instances and Aurora clusters have a parameter group of their own.

One behaviour in every language (``codemods/rds_parameter_group/<language>.py``): a DB
instance (not an instance of an Aurora cluster, whose settings are the cluster's) without a
DB parameter group, and an Aurora (or Multi-AZ) DB cluster without a DB cluster parameter
group, run on the default group of their engine's family, which cannot be modified. Each gets
a parameter group of that family (``common.aws.rds_parameter_group_family``: from the engine
and the engine version the file writes), with no parameters set, created beside it, named
after it by the file's convention and attached. Where the file does not say the engine or
its version, the finding is reported without a fix (``unknown``): a group of another family
cannot be attached.
"""

from iacfix.codemods.spec import Codemod, invalid, language_detectors, valid

INSTANCE = "RDS instance"
CLUSTER = "DB cluster"
WORD = "params"  # the word a new group's name adds to the database's name


def message(what: str, name: str, family=None) -> str:
    default = f" (default.{family})" if family else ""
    return f"{what} '{name}' uses the default parameter group{default}, which cannot be modified"


def unknown(why: str) -> str:
    """The end of a finding without a fix: why the family cannot be known."""
    return f"; {why}: not fixed (a parameter group must be of the family of the engine version)"


def description(family: str, name: str) -> str:
    return f"{family} parameters of {name}"


CODEMOD = Codemod(
    id="IAC027",
    slug="rds-parameter-group",
    tags=("reliability", "maintainability"),
    severity="low",
    title="RDS instances and Aurora clusters have a parameter group of their own",
    rationale=(
        "A database created without a parameter group runs on the default group of its engine "
        "family (default.postgres15), which cannot be modified: changing one setting later (a "
        "timeout, slow-query logging, an extension to preload) first means creating a group, "
        "attaching it and rebooting, usually during the incident that called for the change. "
        "iacfix gives each RDS instance without a DB parameter group, and each Aurora (or Multi-AZ) "
        "DB cluster without a DB cluster parameter group, a group of the engine's family (from the "
        "engine and engine version: postgres 15.4 is postgres15, mysql 8.0.35 mysql8.0, "
        "aurora-postgresql 15.4 aurora-postgresql15, aurora-mysql 8.0.mysql_aurora.3.x "
        "aurora-mysql8.0, mariadb 10.6 mariadb10.6), created beside it and attached. It is named "
        "after the database's own name (orders-params-<environment suffix>) where the database has "
        "one; else Terraform names it after the resource's label by the file's convention, and "
        "CloudFormation and Pulumi name it themselves, as they name the database (CDK always does). The "
        "group sets no parameter: the engine defaults stay in effect until you change them. "
        "Attaching a parameter group is a modification, not a replacement, but it takes effect only "
        "after a reboot: a DB instance shows the group as pending-reboot until it is rebooted, and "
        "an Aurora cluster's instances must be rebooted (without failover) to use a new cluster "
        "parameter group. In CDK the group is an rds.ParameterGroup made from the database's own "
        "engine expression (CDK derives the family and writes the description). Where the file does "
        "not say the engine or its version (a variable, no engine version, a CDK engine without a "
        "version or whose version iacfix cannot read), the finding is reported without a fix: a "
        "group of another family cannot be attached. The instances of an Aurora cluster are not "
        "reported: the cluster parameter group is the one that governs them."
    ),
    examples=(
        invalid('terraform', 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n'
                             '  engine_version = "15.4"\n}\n'),
        valid('terraform', 'resource "aws_db_instance" "db" {\n  engine               = "postgres"\n'
                           '  parameter_group_name = "db-params"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n'
                                  '      Engine: mysql\n      EngineVersion: "8.0.35"\n'),
        valid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n'
                                '      Engine: aurora-postgresql\n      DBClusterParameterGroupName: !Ref Params\n'),
        invalid('cdk', 'from aws_cdk import aws_rds as rds\n\n'
                       'rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.postgres('
                       'version=rds.PostgresEngineVersion.VER_16_4), vpc=vpc)\n'),
        valid('cdk', 'from aws_cdk import aws_rds as rds\n\n'
                     'rds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc, parameter_group=params)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\n'
                          'aws.rds.Instance("db", engine="postgres", engine_version="16.3", instance_class="db.t3.micro")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\n'
                        'aws.rds.Instance("db", engine="postgres", parameter_group_name=group.name)\n'),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
