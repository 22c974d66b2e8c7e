"""Odd layout: two-space indents, single quotes, comments in and around the names."""
from aws_cdk import Stack
from aws_cdk import aws_events as events
from aws_cdk import aws_iam as iam
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct


class LedgerStack(Stack):
  def __init__(self, scope: Construct, construct_id: str, *, env_name: str, **kwargs) -> None:
    super().__init__(scope, construct_id, **kwargs)
    self.secret = secretsmanager.Secret(self, f'LedgerSecret-{env_name}',
        secret_name='ledger/db/password',   # consumers read it by name
        description='Ledger database password')
    role = iam.Role(self, 'LedgerRole', assumed_by=iam.ServicePrincipal('states.amazonaws.com'), role_name=(
        # one role per state machine
        'LedgerRunner'
    ))
    sfn.StateMachine(self, 'Ledger',
                     state_machine_name = r'ledger-nightly' ,
                     definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(self, 'Start')),
                     role=role)
    events.Rule(self, 'Nightly', rule_name='''ledger-nightly-run''', schedule=events.Schedule.cron(hour='2', minute='0'))
