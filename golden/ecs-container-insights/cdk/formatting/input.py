from aws_cdk import Stack
from aws_cdk.aws_ecs import Cluster, CfnCluster


class Compute(Stack):
  def __init__(self, scope, id, vpc, **kw):
    super().__init__(scope, id, **kw)

    # shared by every team
    self.shared = Cluster(self, 'Shared',
                          vpc=vpc)   # imported VPC
    self.gpu = Cluster(
      self, 'Gpu',
      # GPU instances are added by the ML team
      vpc=vpc
    )
    CfnCluster(self, 'Raw',
               cluster_settings=[CfnCluster.ClusterSettingsProperty(name='someOtherSetting', value='on')])
