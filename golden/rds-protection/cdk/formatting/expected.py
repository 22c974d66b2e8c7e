from aws_cdk import Duration, Stack
from aws_cdk.aws_rds import AuroraMysqlEngineVersion, BackupProps, ClusterInstance, DatabaseCluster, DatabaseClusterEngine


class Reporting(Stack):
  def __init__(self, scope, id, vpc, **kw):
    super().__init__(scope, id, **kw)

    # reporting copy of the warehouse
    self.db = DatabaseCluster(self, 'Reporting',
                              engine=DatabaseClusterEngine.aurora_mysql(
                                  version=AuroraMysqlEngineVersion.VER_3_08_0),  # LTS
                              writer=ClusterInstance.provisioned('w'),
                              # nightly ETL writes here
                              vpc=vpc,
                              backup=BackupProps(retention=Duration.days(7)),
                              deletion_protection=True,
                              cloudwatch_logs_exports=['audit', 'error', 'general', 'slowquery'])  # private subnets
