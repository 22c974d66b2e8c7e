import pulumi
import pulumi_aws


stack = pulumi.get_stack()

def make_queues(prefix):
	ingest_dlq = pulumi_aws.sqs.Queue('%s-ingest-dlq' % prefix,
		message_retention_seconds=1209600
	)
	# Ingestion queue, tab-indented on purpose: legacy module.
	ingest = pulumi_aws.sqs.Queue('%s-ingest' % prefix,
		delay_seconds=0,   # no delay
		# five minutes to process a batch
		visibility_timeout_seconds=300,
		redrive_policy=pulumi.Output.json_dumps(
			{'deadLetterTargetArn': ingest_dlq.arn, 'maxReceiveCount': 3}
		)
	)
	audit_dlq = pulumi_aws.sqs.Queue(
		f'{prefix}-audit-dlq-{stack}',
		message_retention_seconds=1209600,
		tags={'Team': 'ledger'},
	)
	audit = pulumi_aws.sqs.Queue(
		f'{prefix}-audit-{stack}',
		redrive_policy=pulumi.Output.json_dumps(
			{'deadLetterTargetArn': audit_dlq.arn, 'maxReceiveCount': 3}
		),
		tags={'Team': 'ledger'},
	)  # audit trail
	return ingest, audit


make_queues("payments")
