import pulumi
import pulumi_aws


stack = pulumi.get_stack()

def make_queues(prefix):
	# Ingestion queue, tab-indented on purpose: legacy module.
	ingest = pulumi_aws.sqs.Queue('%s-ingest' % prefix,
		delay_seconds=0,   # no delay
		# five minutes to process a batch
		visibility_timeout_seconds=300
	)
	audit = pulumi_aws.sqs.Queue(f'{prefix}-audit-{stack}', tags={'Team': 'ledger'})  # audit trail
	return ingest, audit


make_queues("payments")
