import pulumi
from pulumi_aws import dynamodb

if pulumi.get_stack() != "local":
   # Three-space indentation, hanging arguments.
   sessions = dynamodb.Table('sessions', hash_key='sessionId',  # one item per exam session
                             attributes=[dynamodb.TableAttributeArgs(name='sessionId', type='S')],
                             billing_mode='PAY_PER_REQUEST',
                             ttl=dynamodb.TableTtlArgs(attribute_name='expiresAt', enabled=True),
                             point_in_time_recovery=dynamodb.TablePointInTimeRecoveryArgs(enabled=True))  # sessions expire

   # Existing setting without its flag: merged into it.
   audit = dynamodb.Table('audit', hash_key='eventId', attributes=[dynamodb.TableAttributeArgs(name='eventId', type='S')],
                          point_in_time_recovery=dynamodb.TablePointInTimeRecoveryArgs(
                              recovery_period_in_days=7,  # a week is enough for audit
                              enabled=True,
                          ))
