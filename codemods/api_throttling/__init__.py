"""IAC001 api-throttling: API Gateway stages get a rate and a burst limit."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC001",
    slug="api-throttling",
    tags=("security", "availability"),
    title="API Gateway stages are throttled",
    rationale=(
        "An API Gateway stage without its own throttling shares the account-wide "
        "limit (10,000 rps) with every other API in the region: one noisy client or "
        "a retry storm can exhaust it for all of them, and every request still reaches "
        "(and is billed by) the Lambda functions or services behind the API. A stage "
        "rate and burst limit bounds the load and the bill, and turns overload into "
        "429 responses the client can back off from. The limits are numbers only the owner "
        "can choose (too low turns a production API's normal traffic into 429s; the account "
        "limit is no guide to what the backend can take): iacfix reports stages without "
        "them, and sets the limits you configure in [tool.iacfix.api-throttling] rate-limit "
        "and burst-limit."
    ),
    cdk_nag=("Serverless-APIGWDefaultThrottling",),
    params=(
        # at least 1: a limit of 0 rejects every request (and -1 turns throttling off)
        Parameter("rate_limit", None, "steady-state requests per second allowed on the stage (no default: "
                  "only the owner knows what the API's backend takes; unset, findings are reported only)",
                  kind=int, minimum=1, maximum=2**31 - 1),
        Parameter("burst_limit", None, "maximum burst of concurrent requests on the stage (no default, as "
                  "rate-limit)", kind=int, minimum=1, maximum=2**31 - 1),
    ),
    fix_needs=("rate_limit", "burst_limit"),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
    unsafe_note="throttling explicitly disabled (a limit of -1) is reported; setting the limits is unsafe",
)
