import pulumi
from pulumi_aws import rds

if pulumi.get_stack() != "local":
   # Three-space indentation, hanging arguments, single quotes.
   audit_db = rds.Instance('audit-db', engine='mariadb',  # the audit trail
                           instance_class=rds.InstanceType.T4_G_SMALL, allocated_storage=20,
                           performance_insights_enabled=False,  # to find slow queries
                           username='audit', password=pulumi.Config().require_secret('auditPassword'))  # end of audit db

   sessions = rds.Instance(
      'sessions',
      engine='postgres',
      instance_class='db.t2.micro',
      allocated_storage=20,
      username='sessions',
      manage_master_user_password=True,
      performance_insights_enabled   =   False ,  # odd spacing
   )
