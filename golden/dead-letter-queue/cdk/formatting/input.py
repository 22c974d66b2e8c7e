from aws_cdk import Stack, Duration
import aws_cdk.aws_sqs as sqs


class Jobs(Stack):

  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)
    # --- work queues -------------------------------------------------
    self.render_jobs = sqs.Queue(self, 'RenderJobs',
                                 queue_name='render-jobs.fifo',   # ordered per document
                                 fifo=True,
                                 # long renders
                                 visibility_timeout=Duration.minutes(15))
    self.mail_jobs = sqs.Queue(self, 'MailJobs',
        encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True
    )  # see docs/mail.md
