from aws_cdk import Stack
from aws_cdk.aws_kms import Key


class Secrets(Stack):
  def __init__(self, scope, id, stage, **kw):
    super().__init__(scope, id, **kw)
    self.stage = stage

    # one key per tenant tier
    self.gold_key = Key(self, 'GoldTierKey',
                        enable_key_rotation=True,   # yearly
                        # pending_window left at the default
                        description=f'gold tier ({self.stage})')
    self.silver_key = Key(
      self, 'SilverTierKey',
      enable_key_rotation=True
    )
