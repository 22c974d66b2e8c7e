from aws_cdk import Stack, aws_kinesis as kinesis
from constructs import Construct


class Telemetry(Stack):
  def __init__(self, scope: Construct, id: str, *, stage: str, **kw) -> None:
    super().__init__(scope, id, **kw)
    self.stream = kinesis.Stream(self, 'Telemetry',
                                 stream_name=f'telemetry-{stage}',
                                 shard_count=2)   # raise before launch

    if stage == 'prod':
      # production keeps a week of data
      self.stream.add_to_resource_policy  # noqa: B018 (see ops runbook)

    # end of telemetry stack
