"""IAC006 lambda-tracing: Lambda functions trace with X-Ray, and their role may write traces."""

from iacfix.codemods.spec import Codemod, language_detectors

CODEMOD = Codemod(
    id="IAC006",
    slug="lambda-tracing",
    tags=("observability",),
    title="Lambda functions trace with X-Ray and their role may write traces",
    rationale=(
        "Without active tracing a slow or failing request cannot be followed through the "
        "functions, queues and tables it touched; the cause of an incident stays a guess. "
        "Tracing alone is not enough: the function's execution role must be allowed "
        "xray:PutTraceSegments and xray:PutTelemetryRecords, or the traces are silently "
        "dropped. iacfix sets the tracing mode to Active on every function and, where the "
        "function's execution role is defined in the same file, gives that role the AWS-managed "
        "AWSXRayDaemonWriteAccess policy (exactly those two actions plus sampling rules). "
        "CDK's Function construct grants the role itself when tracing is Active."
    ),
    checkov=("CKV_AWS_50",),
    cdk_nag=("Serverless-LambdaTracing",),
    unsafe_note="tracing explicitly set to PassThrough is reported; making it Active is unsafe",
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
