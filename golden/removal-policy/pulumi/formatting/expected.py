import pulumi
from pulumi_aws import s3, rds, dynamodb

if pulumi.get_stack() != 'local':
	# Tabs, single quotes, hanging arguments.
	uploads = s3.Bucket('uploads',  # user uploads
	                    acl='private',
	                    opts=pulumi.ResourceOptions(protect=True))  # end of uploads

	ledger = rds.Instance(
		'ledger',
		engine='postgres',
		instance_class='db.t4g.medium',
		allocated_storage=20,
		username='ledger',
		manage_master_user_password=True,
		# tags come last
		tags={'Team': 'ledger'},  # no trailing comma
		opts=pulumi.ResourceOptions(protect=True)
	)

	sessions = dynamodb.Table('sessions', billing_mode='PAY_PER_REQUEST', hash_key='id',
		attributes=[dynamodb.TableAttributeArgs(name='id', type='S')],
		opts=pulumi.ResourceOptions(
			# deploy after the network
			depends_on=[],
			protect=True,
		),
	)
