"""IAC026 alarms: what fails in production raises a CloudWatch alarm, sent to one alarm topic."""

from iacfix.codemods.spec import Codemod, Parameter, invalid, language_detectors, valid


def _whole_minutes(value):
    return None if value % 60 == 0 else f"{value} is not a whole number of minutes"


CODEMOD = Codemod(
    id="IAC026",
    slug="alarms",
    tags=("observability", "reliability"),
    title="Lambda functions, APIs, dead-letter queues, DynamoDB tables, Kinesis streams, databases and ElastiCache Redis clusters have CloudWatch alarms sent to an alarm topic",
    rationale=(
        "Without alarms nothing tells anyone that production is failing: four of five stack "
        "reviews name it first. One codemod, one rule per resource kind and metric: a Lambda "
        "function's Errors (at least 5 in 5 minutes) and Throttles (at least 1), a REST API's "
        "5XXError and an HTTP API's 5xx (at least 10) and its 4XXError / 4xx as a share of its "
        "requests (at least 5 percent, AWS's recommended alarm: the metric is 0 or 1 per request, "
        "its average the share; throttled requests, 429, are among them), a dead-letter queue's "
        "ApproximateNumberOfMessagesVisible (more than 0: a queue is a dead-letter queue when "
        "another queue's redrive policy or a function's dead-letter config targets it) and a "
        "DynamoDB table's ReadThrottleEvents and WriteThrottleEvents (at least 10; the "
        "ThrottledRequests metric exists only per operation, so an alarm on the table alone "
        "would watch nothing, while an existing alarm on it counts), a Kinesis stream's "
        "GetRecords.IteratorAgeMilliseconds (Maximum, at half of the stream's retention period, "
        "24 hours unless it sets one: records older than the retention expire unread, and half of "
        "it leaves time to act; a retention the file does not write as a number is reported "
        "without a fix), a DB instance's or "
        "DB cluster's CPUUtilization (an average above 80 percent, the level AWS's "
        "prescriptive guidance for RDS monitoring alarms on; a cluster is watched as a whole, "
        "not per instance), and a single-node ElastiCache Redis cache cluster's "
        "DatabaseMemoryUsagePercentage (an average above 80 percent: AWS's recommended alarm on "
        "this metric watches its average and leaves the level to the workload; at 100 percent "
        "Redis evicts keys or refuses writes, and 80 leaves time to scale). The metric is per "
        "node (CacheClusterId): a cache cluster names its one node, while the members of a "
        "replication group have ids AWS derives from the group's (<group>-001, <group>-002, "
        "...) that the file does not write, so replication groups are left out rather than "
        "given alarms on guessed ids: add one alarm per member node by hand, with CacheClusterId "
        "<group>-00N. Memcached has no such metric and a cluster whose engine the file does not "
        "write as redis is left out. In CDK, an L1 construct (ElastiCache has no other: "
        "CfnCacheCluster; also CfnFunction and CfnTable) has no metric methods: its alarm is a "
        "cloudwatch.Alarm of a cloudwatch.Metric whose dimension is the construct's ref. Thresholds, the period "
        "and the evaluation periods are parameters. A resource is compliant when an alarm on "
        "that metric exists anywhere in the module, whatever form its dimension takes (a "
        "reference, the name written out). The new alarm is named after the resource "
        "(<name>-errors, with the environment suffix where the file has one), says in its "
        "description what it means, and reads missing data as not breaching: these metrics "
        "have no data point while nothing goes wrong. Every alarm publishes to one SNS topic "
        "per stack or module: the topic existing alarms already notify, else one named alarms "
        "by the file's convention, created once and reused by every alarm. No subscription is "
        "added: who is paged is the owner's choice. The topic is not encrypted with the "
        "AWS-managed key alias/aws/sns, whose key policy cannot grant CloudWatch the use of it "
        "(the alarm's notifications would fail); it is encrypted with a customer-managed key "
        "of the module only when that key's policy lets cloudwatch.amazonaws.com use it, and "
        "is otherwise left unencrypted (alarm notifications carry no application data)."
    ),
    params=(
        Parameter("lambda_errors_threshold", 5, "errors of a Lambda function in the alarm's window that raise it",
                  kind=int, minimum=1),
        Parameter("lambda_throttles_threshold", 1, "throttled invocations of a Lambda function that raise the alarm",
                  kind=int, minimum=1),
        Parameter("api_5xx_threshold", 10, "5XX answers of an API in the alarm's window that raise it",
                  kind=int, minimum=1),
        Parameter("api_4xx_percent", 5, "the share of an API's requests answered with a 4XX error (throttled "
                  "ones included), in percent, that raises the alarm", kind=int, minimum=1, maximum=100),
        Parameter("kinesis_iterator_age_percent", 50, "how old the records a Kinesis stream's consumers read "
                  "may grow, in percent of the stream's retention period, before the alarm goes off",
                  kind=int, minimum=1, maximum=99),
        Parameter("dlq_messages_threshold", 0, "the alarm goes off when a dead-letter queue holds more messages than this",
                  kind=int, minimum=0),
        Parameter("dynamodb_throttles_threshold", 10, "throttled reads (or writes) of a DynamoDB table that raise the alarm",
                  kind=int, minimum=1),
        Parameter("rds_cpu_threshold", 80, "the average CPU utilisation of a DB instance or cluster, in "
                  "percent, above which the alarm goes off", kind=int, minimum=1, maximum=100),
        Parameter("elasticache_memory_threshold", 80, "the average share of its memory an ElastiCache Redis "
                  "node uses, in percent, above which the alarm goes off", kind=int, minimum=1, maximum=100),
        Parameter("period", 300, "the period over which each metric is aggregated, in seconds (5 minutes)",
                  kind=int, minimum=60, maximum=86400, check=_whole_minutes),
        Parameter("evaluation_periods", 1, "how many consecutive periods must breach before the alarm goes off",
                  kind=int, minimum=1, maximum=100),
        Parameter("topic_name", "alarms", "the name of the alarm topic iacfix creates when the module has none",
                  pattern=r"[a-z][a-z0-9-]{0,49}",
                  form="a word of 1 to 50 lowercase letters, digits and hyphens, starting with a letter"),
    ),
    checkov=(),
    examples=(
        invalid('terraform', 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n'),
        valid('terraform',
              'resource "aws_dynamodb_table" "t" {\n  name = "t"\n}\n\n'
              'resource "aws_cloudwatch_metric_alarm" "r" {\n  alarm_name  = "r"\n  metric_name = "ThrottledRequests"\n'
              '  namespace   = "AWS/DynamoDB"\n  dimensions = {\n    TableName = "t"\n  }\n}\n'),
        invalid('cloudformation', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n'
                '      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt D.Arn\n        maxReceiveCount: 3\n'
                '  D:\n    Type: AWS::SQS::Queue\n'),
        valid('cloudformation', 'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n'
              '      ProtocolType: HTTP\n  A:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n'
              '      MetricName: 5xx\n      Dimensions:\n        - Name: ApiId\n          Value: !Ref Api\n'
              '  B:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n'
              '      MetricName: 4xx\n      Dimensions:\n        - Name: ApiId\n          Value: !Ref Api\n'),
        invalid('cdk', 'from aws_cdk import Stack\nfrom aws_cdk import aws_lambda as lambda_\n\n\n'
                'class S(Stack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n'
                '        fn = lambda_.Function(self, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="i.h", '
                'code=lambda_.Code.from_asset("src"))\n'),
        valid('cdk', 'from aws_cdk import aws_apigateway as apigateway\n\n'
              'api = apigateway.RestApi(self, "Api")\n'
              'api.metric_server_error().create_alarm(self, "Api5xx", threshold=1, evaluation_periods=1)\n'
              'api.metric_client_error().create_alarm(self, "Api4xx", threshold=100, evaluation_periods=1)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\n'
                't = aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}])\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\nq = aws.sqs.Queue("q")\n'),
    ),
    detectors=language_detectors(__name__),
)
