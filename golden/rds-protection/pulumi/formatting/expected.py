import pulumi
from pulumi_aws import rds

if pulumi.get_stack() != "local":
   # Three-space indentation, hanging arguments, single quotes.
   audit_db = rds.Instance('audit-db', engine='mariadb',  # the audit trail
                           instance_class='db.t4g.small', allocated_storage=20,
                           username='audit', password=pulumi.Config().require_secret('auditPassword'),
                           storage_encrypted=True,  # required by the auditors
                           # keep a final snapshot when deleted
                           skip_final_snapshot=False,
                           backup_retention_period=7,
                           copy_tags_to_snapshot=True,
                           deletion_protection=True,
                           enabled_cloudwatch_logs_exports=[
                              'audit',
                              'error',
                              'general',
                              'slowquery',
                           ],
                           auto_minor_version_upgrade=True)  # end of audit db

   sessions = rds.Instance(
      'sessions',
      engine='postgres',
      instance_class='db.t4g.micro',
      allocated_storage=20,
      username='sessions',
      manage_master_user_password=True,
      storage_encrypted=True,
      backup_retention_period=10,  # ten days of point-in-time restore
      copy_tags_to_snapshot=True,
      deletion_protection=True,  # never drop sessions by accident
      enabled_cloudwatch_logs_exports=['postgresql', 'upgrade'],
      auto_minor_version_upgrade=True,
      opts=pulumi.ResourceOptions(protect=True),
   )
