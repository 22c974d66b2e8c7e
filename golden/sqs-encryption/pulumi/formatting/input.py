import pulumi
from pulumi_aws import sqs

class Notifications(pulumi.ComponentResource):
  """Two-space indentation inside a component."""

  def __init__(self, name, opts=None):
    super().__init__('assessments:Notifications', name, None, opts)
    # Reminders, one per candidate and exam.
    self.reminders = sqs.Queue(f'{name}-reminders',
                               delay_seconds=60,   # give the candidate a minute
                               opts=pulumi.ResourceOptions(parent=self))
    self.digests = sqs.Queue(f'{name}-digests', args=sqs.QueueArgs(fifo_queue=True, content_based_deduplication=True))  # one digest per day


notifications = Notifications('exam')
