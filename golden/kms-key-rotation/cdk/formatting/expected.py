from aws_cdk import Stack
from aws_cdk.aws_kms import Key


class Secrets(Stack):
  def __init__(self, scope, id, stage, **kw):
    super().__init__(scope, id, **kw)
    self.stage = stage

    # one key per tenant tier
    self.gold_key = Key(self, 'GoldTierKey',
                        alias=f'alias/gold-{self.stage}',   # per stage
                        # pending_window left at the default
                        description=f'gold tier ({self.stage})',
                        enable_key_rotation=True)
    self.silver_key = Key(
      self, 'SilverTierKey',
      enable_key_rotation=True,
      alias=f'alias/silver-{self.stage}'  # no trailing comma
    )
    self.bronze_key = Key(
      self,
      'BronzeTierKey',
      enable_key_rotation=True,
      alias=f'alias/bronze-{self.stage}',
    )
