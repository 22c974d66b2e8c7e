from aws_cdk import Stack, Duration
import aws_cdk.aws_sqs as sqs


class Jobs(Stack):

  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)
    self.render_jobs_dlq = sqs.Queue(self, 'RenderJobsDlq',
                                     queue_name='render-jobs-dlq.fifo',
                                     fifo=True,
                                     retention_period=Duration.days(14))
    # --- work queues -------------------------------------------------
    self.render_jobs = sqs.Queue(self, 'RenderJobs',
                                 queue_name='render-jobs.fifo',   # ordered per document
                                 fifo=True,
                                 # long renders
                                 visibility_timeout=Duration.minutes(15),
                                 dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3,
                                                                       queue=self.render_jobs_dlq))
    self.mail_jobs_dlq = sqs.Queue(self, 'MailJobsDlq',
        retention_period=Duration.days(14),
        encryption=sqs.QueueEncryption.SQS_MANAGED,
        enforce_ssl=True
    )
    self.mail_jobs = sqs.Queue(self, 'MailJobs',
        encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
        dead_letter_queue=sqs.DeadLetterQueue(
          max_receive_count=3,
          queue=self.mail_jobs_dlq,
        )
    )  # see docs/mail.md
