from aws_cdk import Stack
from aws_cdk.aws_kinesis import Stream, StreamMode


class Feeds(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # market data, replayed on failover
    self.ticks = Stream(self, 'Ticks',
                        shard_count=4)   # sized for the open
    self.news = Stream(
      self, 'News',
      # bursty: let AWS size it
      stream_mode=StreamMode.ON_DEMAND
    )
