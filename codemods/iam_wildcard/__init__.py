"""IAC025 iam-wildcard: IAM statements name the resources of this file instead of '*'."""

from iacfix.codemods.spec import Codemod, language_detectors

CODEMOD = Codemod(
    id="IAC025",
    slug="iam-wildcard",
    tags=("security", "least-privilege"),
    severity="high",
    title="IAM statements are scoped to the resources they act on",
    rationale=(
        "A policy statement that allows dynamodb:PutItem on Resource '*' lets a compromised "
        "function write to every table in the account, not only the one it serves. When every "
        "action of such a statement belongs to a service whose only resource of that kind is "
        "defined in the same file, iacfix narrows the statement to that resource's ARN (with "
        "the object or index ARNs the actions need). When that is not certain (several "
        "candidate resources, actions of several services, actions that only work on '*' such "
        "as listing), the statement is reported, not fixed. Narrowing can deny access to "
        "resources defined elsewhere, so the fix is unsafe."
    ),
    unsafe_note="every fix narrows permissions, which denies access to resources outside the file",
    unsafe_only=True,
    cdk_nag=("AwsSolutions-IAM5", "Serverless-IAMNoWildcardPermissions"),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
