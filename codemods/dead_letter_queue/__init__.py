"""IAC002 dead-letter-queue: queues and async Lambda functions keep failed messages."""

from iacfix.codemods.common.aws import FUNCTION_MODES
from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC002",
    slug="dead-letter-queue",
    tags=("reliability",),
    title="Queues and Lambda functions that may be invoked asynchronously have a dead-letter queue",
    rationale=(
        "A message that keeps failing is either retried forever (an SQS queue without "
        "a redrive policy: it blocks FIFO groups and burns consumer time) or silently "
        "dropped (an asynchronously invoked Lambda function gives up after two retries). "
        "A dead-letter queue keeps those messages for inspection and replay. iacfix adds "
        "one next to the resource it serves (14-day retention), wires it with a redrive "
        "policy (maxReceiveCount 3) or a DeadLetterConfig, and, where the function's "
        "execution role is in the same file, grants sqs:SendMessage on it: without that "
        "permission the deployment fails. "
        "A function gets one unless every invoker of it is visible in the stack and "
        "synchronous (API Gateway REST/HTTP integrations, ALB targets, Function URLs, "
        "Cognito triggers, CloudFormation macros and custom resources, whose failures "
        "CloudFormation reports) or polls a source (event source mappings: failures belong on "
        "the source queue or stream); a function with no visible invoker gets one, since "
        "an asynchronous caller outside the stack would lose its failed events. "
        "Lambda@Edge functions and functions deployed to a Greengrass core never get one "
        "(the Lambda service does not invoke them). The parameter functions "
        "chooses: unless-synchronous (default), async-only (only functions with a visible "
        "asynchronous invoker) or all (every function, as Checkov CKV_AWS_116 asks; a "
        "function left without one, by this choice or because it cannot have one, still "
        "fails that check)."
    ),
    params=(
        Parameter("max_receive_count", 3, "receives before SQS moves a message to the dead-letter queue",
                  kind=int, minimum=1, maximum=1000),
        Parameter("retention_seconds", 1209600, "how long the dead-letter queue keeps messages (14 days)",
                  kind=int, minimum=60, maximum=1209600),
        Parameter("dlq_suffix", "dlq", "word added to the served resource's name to name its dead-letter queue",
                  pattern=r"[a-z][a-z0-9]{0,19}", form="a word of 1 to 20 lowercase letters and digits, starting with a letter"),
        Parameter("functions", "unless-synchronous",
                  "which Lambda functions get a dead-letter queue: unless-synchronous (unless every "
                  "invoker is visible and synchronous), async-only (only with a visible asynchronous "
                  "invoker) or all (every function)",
                  choices=FUNCTION_MODES),
    ),
    checkov=("CKV_AWS_116",),
    cdk_nag=("AwsSolutions-SQS3", "Serverless-LambdaDLQ", "Serverless-SQSRedrivePolicy"),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
