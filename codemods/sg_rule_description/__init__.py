"""IAC022 sg-rule-description: every security-group rule says what it is for."""

from iacfix.codemods.spec import Codemod, language_detectors

CODEMOD = Codemod(
    id="IAC022",
    slug="sg-rule-description",
    tags=("maintainability",),
    severity="low",
    title="Security-group rules have a description",
    rationale=(
        "A security-group rule without a description is a port open for an unknown reason: "
        "nobody dares remove it, and an auditor cannot tell an intended opening from a "
        "mistake. iacfix writes a description derived from the rule itself, its direction, "
        "protocol, ports and peer, e.g. 'Allow HTTPS (tcp/443) from 10.0.0.0/16' or "
        "'Allow PostgreSQL (tcp/5432) from AppSecurityGroup'. Rules whose protocol, ports or "
        "peer the file does not spell out are described with what is known."
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
