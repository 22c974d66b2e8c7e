"""IAC017 rds-performance-insights: Performance Insights only on classes that support it."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC017",
    slug="rds-performance-insights",
    tags=("reliability",),
    severity="low",
    title="Performance Insights is not enabled on DB instance classes that lack it",
    rationale=(
        "Performance Insights is not available on the smallest burstable DB instance classes "
        "(db.t2.micro, db.t3.micro and the like). A template that enables it on one of them "
        "is valid, passes review, and fails at deploy time when RDS rejects the instance. "
        "This is a correctness fix: iacfix turns Performance Insights off on such instances "
        "(and drops its retention period and KMS key, which would then be rejected too). "
        "An instance class the file does not spell out is left alone."
    ),
    params=(
        Parameter(
            "unsupported_classes",
            ["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"],
            "DB instance classes on which Performance Insights cannot be enabled",
            pattern=r"db\.[a-z0-9-]+\.[a-z0-9-]+", form="DB instance classes such as db.t3.micro",
        ),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
