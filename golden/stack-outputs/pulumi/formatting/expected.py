from pulumi import Config, export
from pulumi_aws import rds, sns

config = Config()
db = rds.Instance('main',
    engine='postgres', instance_class='db.t4g.micro', allocated_storage=20)  # the main database
events = sns.Topic('events')
export('region', config.get('region'))
export('db_endpoint', db.address)
export('events_topic_arn', events.arn)
