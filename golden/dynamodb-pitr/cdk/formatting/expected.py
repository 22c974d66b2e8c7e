from aws_cdk import Stack
from aws_cdk.aws_dynamodb import Attribute, AttributeType, PointInTimeRecoverySpecification, Table, TableV2


class Sessions(Stack):
   def __init__(self, scope, id, **kw):
      super().__init__(scope, id, **kw)

      # sessions expire after a day; still worth restoring
      self.sessions = Table(self, 'Sessions',
                            partition_key=Attribute(name='sid',
                                                    type=AttributeType.STRING),
                            time_to_live_attribute='expires_at',
                            point_in_time_recovery_specification=PointInTimeRecoverySpecification(
                               point_in_time_recovery_enabled=True,
                            ))  # TTL
      self.audit = TableV2(
         self, 'Audit',
         partition_key=Attribute(name='pk', type=AttributeType.STRING),  # single-table design
         # sort key added in v2
         sort_key=Attribute(name='sk', type=AttributeType.STRING),
         point_in_time_recovery_specification=PointInTimeRecoverySpecification(
            point_in_time_recovery_enabled=True,
         )
      )
      self.flags = Table(
         self,
         'Flags',
         partition_key=Attribute(name='flag', type=AttributeType.STRING),
         point_in_time_recovery_specification=PointInTimeRecoverySpecification(
            point_in_time_recovery_enabled=True,
         ),
      )
