from aws_cdk import Duration, Stack
from aws_cdk.aws_sqs import DeadLetterQueue, Queue


class Jobs(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # failed jobs land here
    self.failed = Queue(self, 'FailedJobs',
                        retention_period=Duration.days(14))   # the maximum
    self.jobs = Queue(
      self, 'Jobs',
      # three strikes
      dead_letter_queue=DeadLetterQueue(max_receive_count=3,
                                        queue=self.failed)
    )
    self.bulk = Queue(self, 'BulkJobs', queue_name='bulk-jobs-queue', fifo=False, content_based_deduplication=False)
