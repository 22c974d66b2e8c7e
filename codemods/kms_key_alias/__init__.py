"""IAC004 kms-key-alias: every customer-managed KMS key has an alias."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC004",
    slug="kms-key-alias",
    tags=("maintainability",),
    severity="low",
    title="Customer-managed KMS keys have an alias",
    rationale=(
        "A KMS key is known only by a random id. Without an alias, people and "
        "policies cannot tell keys apart, applications hard-code key ids, and a key "
        "cannot be rotated to a new key behind a stable name. iacfix adds an alias "
        "named after the key and the file's naming convention (alias/<name>, with the "
        "environment suffix where the file uses one). A key that already has an alias "
        "anywhere in the file is compliant."
    ),
    params=(
        Parameter("prefix", "alias/", "alias prefix (AWS requires alias/)",
                  pattern=r"alias/(?!aws/)[A-Za-z0-9/_-]{0,200}",
                  form="alias/ followed by letters, digits, / _ - (not alias/aws/)"),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
