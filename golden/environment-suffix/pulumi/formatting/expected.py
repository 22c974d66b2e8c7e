"""Odd layout: a component with two-space indents and single quotes."""
import pulumi
import pulumi_aws as aws


class Ledger(pulumi.ComponentResource):
  def __init__(self, name, stage, opts=None):
    super().__init__('acme:Ledger', name, None, opts)
    self.stream = aws.kinesis.Stream(f'{name}-stream',
        name=f'ledger_events_{stage}',   # consumers subscribe by name
        shard_count=1,
        opts=pulumi.ResourceOptions(parent=self))
    self.secret = aws.secretsmanager.Secret(f'{name}-secret', name=f'ledger/{{db}}/password-{stage}',
        opts=pulumi.ResourceOptions(parent=self))


Ledger('ledger', 'prod')
