from aws_cdk import RemovalPolicy, Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, Table
from aws_cdk.aws_kms import Key


class Sessions(Stack):
   def __init__(self, scope, id, **kw):
      super().__init__(scope, id, **kw)

      # sessions expire after a day anyway
      self.sessions = Table(self, 'Sessions',
                            partition_key=Attribute(name='sid',
                                                    type=AttributeType.STRING),  # opaque token
                            time_to_live_attribute='expires_at',
                            removal_policy=RemovalPolicy.RETAIN,
                            # pitr handled by the backup plan
                            point_in_time_recovery = True)  # see RUNBOOK.md

      key = Key(
         self,
         'SessionKey',
         removal_policy=RemovalPolicy.RETAIN,
         enable_key_rotation=True,
      )  # odd spacing on purpose
