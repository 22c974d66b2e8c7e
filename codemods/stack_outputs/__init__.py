"""IAC031 stack-outputs: stacks output the endpoints and names other stacks need."""

from iacfix.codemods.spec import Codemod, Parameter, invalid, language_detectors, valid

# The kinds of resource whose endpoint or name other stacks and people look for, and the word
# the new output is named with (``OrdersQueueUrl``, ``orders_queue_url``).
KINDS = ("api", "table", "queue", "topic", "database", "cache")
WORD = {"api": "url", "table": "name", "queue": "url", "topic": "arn", "database": "endpoint", "cache": "endpoint"}
WHAT = {
    "api": "Invoke URL",
    "table": "Name",
    "queue": "URL",
    "topic": "ARN",
    "database": "Endpoint address",
    "cache": "Primary endpoint address",
}


def description(kind: str, name: str, cluster_mode: bool = False) -> str:
    """The new output's description: ``URL of OrdersQueue`` (a cache in cluster mode is reached
    through its configuration endpoint)."""
    return f"{'Configuration endpoint address' if cluster_mode else WHAT[kind]} of {name}"


SAME = {"db": ("db", "database", "cluster"), "cluster": ("cluster", "db", "database")}


def output_name(label: str, noun: str, word: str) -> str:
    """``orders`` (a queue) → ``orders_queue_url``; ``orders_queue`` → ``orders_queue_url``: a
    Terraform output's or a Pulumi export's name after the resource's label or variable."""
    sep = "-" if "-" in label and "_" not in label else "_"
    words = label.replace("-", "_").split("_")
    if not set(SAME.get(noun, (noun,))) & set(words):
        label = f"{label}{sep}{noun}"
    return f"{label}{sep}{word}"


CODEMOD = Codemod(
    id="IAC031",
    slug="stack-outputs",
    tags=("maintainability",),
    severity="low",
    title="Stacks output the endpoints and names other stacks need",
    rationale=(
        "The URL of an API, the name of a table, the URL of a queue, the ARN of a topic and the "
        "endpoint of a database or cache are what the next stack, a deployment script or a person "
        "on call looks for first. Without a stack output they are copied from the console or "
        "looked up by a guessed name, and break when the resource is replaced. iacfix adds one "
        "output per resource that no output of the stack refers to yet (a CloudFormation output, "
        "a Terraform output block, a CDK CfnOutput, a Pulumi export), named after the resource by "
        "the file's convention, with no export: sharing it across stacks is the owner's choice. "
        "Not asked of what serves other resources: dead-letter queues, topics that alarms notify, "
        "an Aurora cluster's instances (the cluster gives the endpoint); a CDK RestApi that is "
        "deployed already outputs its URL. Which kinds are watched is the parameter kinds."
    ),
    params=(
        Parameter("kinds", list(KINDS), "the kinds of resource that need an output: api (invoke URL), table "
                  "(name), queue (URL), topic (ARN), database (RDS/Aurora endpoint), cache (ElastiCache "
                  "primary endpoint)", kind=list, choices=KINDS),
    ),
    examples=(
        invalid('cloudformation', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n'),
        valid('cloudformation', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n'
                                'Outputs:\n  QueueUrl:\n    Value: !Ref Queue\n'),
        invalid('terraform', 'resource "aws_sqs_queue" "orders" {\n  name = "orders"\n}\n'),
        valid('terraform', 'resource "aws_sqs_queue" "orders" {\n  name = "orders"\n}\n\n'
                           'output "orders_queue_url" {\n  value = aws_sqs_queue.orders.url\n}\n'),
        invalid('cdk', 'from aws_cdk import aws_sqs as sqs\n\nqueue = sqs.Queue(self, "Orders")\n'),
        valid('cdk', 'from aws_cdk import CfnOutput, aws_sqs as sqs\n\nqueue = sqs.Queue(self, "Orders")\n'
                     'CfnOutput(self, "OrdersUrl", value=queue.queue_url)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\nqueue = aws.sqs.Queue("orders")\n'),
        valid('pulumi', 'import pulumi\nimport pulumi_aws as aws\n\nqueue = aws.sqs.Queue("orders")\n'
                        'pulumi.export("orders_queue_url", queue.url)\n'),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
