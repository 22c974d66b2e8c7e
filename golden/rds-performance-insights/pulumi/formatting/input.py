import pulumi
from pulumi_aws import rds

if pulumi.get_stack() != "local":
   # Three-space indentation, hanging arguments, single quotes.
   audit_db = rds.Instance('audit-db', engine='mariadb',  # the audit trail
                           instance_class=rds.InstanceType.T4_G_SMALL, allocated_storage=20,
                           performance_insights_enabled=True,  # to find slow queries
                           performance_insights_retention_period=7,  # a week of history
                           username='audit', password=pulumi.Config().require_secret('auditPassword'))  # end of audit db

   sessions = rds.Instance(
      'sessions',
      engine='postgres',
      instance_class='db.t2.micro',
      allocated_storage=20,
      username='sessions',
      manage_master_user_password=True,
      performance_insights_enabled   =   True ,  # odd spacing
      performance_insights_kms_key_id='arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      performance_insights_retention_period=31,  # a month
   )
