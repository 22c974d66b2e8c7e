import pulumi
from pulumi_aws import sqs, sns, cloudwatch

env = pulumi.get_stack()


alerts = sns.Topic('alerts',
                   display_name='Payment alerts',
                   tags={'Team': 'payments',   # owning team
                         'CostCentre': '4711',
                         'Environment': env,
                         'ManagedBy': 'pulumi'})   # finance code

logs = cloudwatch.LogGroup(
  'api-logs',
  retention_in_days = 30,  # odd spacing kept
  tags = {
    # who to page
    'Team': 'payments',
    'Tier': 'gold',
    'Environment': env,
    'ManagedBy': 'pulumi'
  },
)

retry = sqs.Queue(
    'retry',
    delay_seconds=5,
    tags={
        'Environment': env,
        'ManagedBy': 'pulumi',
    },
)   # short delay
