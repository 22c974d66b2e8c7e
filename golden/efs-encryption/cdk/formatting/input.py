from aws_cdk import Stack
from aws_cdk.aws_efs import CfnFileSystem


class Storage(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # render farm scratch space
    self.scratch = CfnFileSystem(self, 'Scratch',
                                 throughput_mode='bursting')   # cheap
    self.assets = CfnFileSystem(
      self, 'Assets',
      # lifecycle: move to IA after a month
      lifecycle_policies=[CfnFileSystem.LifecyclePolicyProperty(transition_to_ia='AFTER_30_DAYS')]
    )
