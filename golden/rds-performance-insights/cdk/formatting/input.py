from aws_cdk import Stack
from aws_cdk.aws_ec2 import InstanceClass, InstanceSize, InstanceType
from aws_cdk.aws_rds import DatabaseInstance, DatabaseInstanceEngine, PerformanceInsightRetention


class Scratch(Stack):
  def __init__(self, scope, id, vpc, **kw):
    super().__init__(scope, id, **kw)

    # throwaway database for the nightly import
    self.db = DatabaseInstance(self, 'Scratch',
                               engine=DatabaseInstanceEngine.MYSQL,
                               instance_type=InstanceType.of(InstanceClass.BURSTABLE2,
                                                             InstanceSize.SMALL),  # cheapest
                               # the DBAs asked for this
                               enable_performance_insights = True,  # see ticket OPS-112
                               performance_insight_retention=PerformanceInsightRetention.MONTHS_1,  # free tier
                               vpc=vpc)  # private subnets
