from aws_cdk import Duration, Stack
from aws_cdk.aws_kinesis import Stream, StreamEncryption, StreamMode


class Feeds(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # market data, replayed on failover
    self.ticks = Stream(self, 'Ticks',
                        shard_count=4,
                        encryption=StreamEncryption.MANAGED,
                        retention_period=Duration.hours(24))   # sized for the open
    self.news = Stream(
      self, 'News',
      # bursty: let AWS size it
      stream_mode=StreamMode.ON_DEMAND,
      encryption=StreamEncryption.MANAGED,
      retention_period=Duration.hours(24)
    )
