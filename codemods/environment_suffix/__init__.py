"""IAC024 environment-suffix: explicit resource names carry the environment suffix."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC024",
    slug="environment-suffix",
    tags=("maintainability",),
    severity="low",
    title="Hard-coded resource names carry the environment suffix",
    rationale=(
        "A resource with a hard-coded physical name ('orders' table, 'payments' queue) can exist "
        "once per account and region: a second deployment of the stack (staging beside "
        "production, a developer's preview) fails on the name clash, or worse, two stacks fight "
        "over one resource. iacfix appends the stack's environment suffix to every hard-coded "
        "name, in the file's own way of building strings, and adds the parameter or variable "
        "that carries the suffix when the file has none. Renaming a deployed resource replaces "
        "it (a table's data is lost with the old one), so every fix of this codemod is unsafe."
    ),
    params=(
        Parameter("name", "environment_suffix", "the suffix's parameter/variable name, in snake_case (CloudFormation uses it in PascalCase)",
                  pattern=r"[a-z][a-z0-9_]{0,62}", form="a snake_case name (lowercase letters, digits and _, starting with a letter)"),
        Parameter("default", "dev", "the default value of a parameter/variable iacfix adds",
                  pattern=r"[a-z0-9][a-z0-9-]{0,31}", form="a value of 1 to 32 lowercase letters, digits and hyphens"),
    ),
    unsafe_note="every fix renames a resource, which replaces it on the next deploy",
    unsafe_only=True,
    replaces=lambda params: True,  # a renamed resource is a new resource
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
