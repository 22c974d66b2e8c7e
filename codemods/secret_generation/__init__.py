"""IAC021 secret-generation: generated secrets are long and avoid troublesome characters."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

CODEMOD = Codemod(
    id="IAC021",
    slug="secret-generation",
    tags=("security",),
    title="Generated secrets use a 32-character password without troublesome characters",
    rationale=(
        "A generated password that is short is weaker than it needs to be, and one that may "
        "contain quotes, slashes, '@' or spaces breaks connection strings, shell scripts and "
        "RDS, which rejects '/', '@', '\"' and spaces in a master password: the deploy or the "
        "first connection fails at random, depending on what was generated. iacfix sets the "
        "password length to at least password_length and excludes exclude_characters wherever a "
        "secret or password is generated (Secrets Manager generation, CDK secret generators, "
        "Terraform/Pulumi random passwords). Changing the generation settings of a deployed "
        "secret generates a new value, so every fix of this codemod is unsafe."
    ),
    params=(
        Parameter("password_length", 32, "length of generated passwords (at least this many characters)",
                  kind=int, minimum=1, maximum=4096),
        Parameter("exclude_characters", " \"'@/\\", "characters a generated password must not contain",
                  pattern=r"[\x20-\x7e]{0,4096}", form="a string of printable ASCII characters"),
    ),
    unsafe_note="every fix regenerates the secret's value on the next deploy",
    unsafe_only=True,
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
