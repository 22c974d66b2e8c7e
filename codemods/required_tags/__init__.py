"""IAC003 required-tags: every taggable resource carries the configured tags."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC003",
    slug="required-tags",
    tags=("maintainability",),
    severity="low",
    title="Taggable resources carry the required tags",
    rationale=(
        "Tags are how cost reports, access policies (ABAC), backups and incident "
        "responders find out what a resource belongs to. A resource missing the "
        "organisation's required tags is invisible to all of them. iacfix merges the "
        "configured tags into what the resource already has; tags applied at a wider "
        "scope (Terraform provider default_tags, CDK Tags.of(scope).add) count as present. "
        "Values may be literals or placeholders: {environment_suffix} is written as the "
        "file's own expression for it (self.environment_suffix, !Ref EnvironmentSuffix, "
        "var.environment_suffix); {tool} is the IaC tool's name."
    ),
    params=(
        Parameter(
            "tags",
            {"Environment": "{environment_suffix}", "ManagedBy": "{tool}"},
            "tag key → value; values may use {environment_suffix} and {tool}",
            key_pattern=r"(?![aA][wW][sS]:)[\w .:/=+\-@]{1,128}",
            key_form="tag keys (1 to 128 letters, digits, spaces and _ . : / = + - @; not aws:...)",
            pattern=r"[\w .:/=+\-@]{0,256}", form="values (up to 256 of the same characters)",
            placeholders=("environment_suffix", "tool"),
        ),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
