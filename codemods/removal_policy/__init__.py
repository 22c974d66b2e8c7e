"""IAC023 removal-policy: stateful resources state what happens to them on delete."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors


def fixed_name(prop: str, policy: str, named_after: str) -> str:
    """Why a log group with a fixed name (``prop``: a literal, or built from parameters and
    the stack's name only) is reported without a fix with profile ``production``: retained,
    it outlives the stack, and creating the stack again fails on the name it still holds. A
    name built from a resource of the stack is new with every stack (``named_after``: what
    the language calls one; ``policy``: what it states the behaviour with). CloudFormation
    and CDK (Python and Go) only: Terraform's ``prevent_destroy`` and Pulumi's ``protect``
    make the destroy fail instead of leaving the group behind."""
    return (f"its {prop} is fixed: retained, the group would outlive the stack and make creating the "
            f"stack again fail on its name; choose {policy} by hand, or name it after a {named_after} "
            "of the stack")

CODEMOD = Codemod(
    id="IAC023",
    slug="removal-policy",
    tags=("security", "data-protection"),
    title="Stateful resources state their deletion behaviour explicitly",
    rationale=(
        "Tables, buckets, databases, KMS keys and log groups hold data a stack cannot recreate. "
        "Left to the defaults, what happens to them when the stack is deleted or the resource is "
        "replaced differs by tool and by resource (CloudFormation deletes a table but snapshots "
        "a database; CDK retains most L2 resources; Terraform destroys everything), so nobody "
        "reading the code knows. iacfix writes the behaviour down: with profile 'production' "
        "the resource is retained or protected (CDK removal_policy RETAIN, CloudFormation "
        "DeletionPolicy and UpdateReplacePolicy Retain, Pulumi protect, Terraform "
        "prevent_destroy); with profile 'ephemeral' (development and preview stacks) it is "
        "destroyed with the stack, including what would otherwise block the delete (a bucket's "
        "objects, a database's final snapshot). Deletion protection on databases belongs to "
        "rds-protection: for an ephemeral stack, ignore rds-protection or its deletion "
        "protection will still block the destroy. Read replicas are left alone (their source "
        "holds the data: retained, a replica is an orphaned, billed copy), and so is a "
        "database made with a subnet, parameter or option group the file destroys with the "
        "stack (CloudFormation DeletionPolicy Delete, CDK RemovalPolicy.DESTROY): the file "
        "means the stack to go, and a retained database would keep the group in use and fail "
        "the stack's delete."
    ),
    cfn_lint=("I3011",),
    params=(
        Parameter(
            "profile",
            "production",
            "'production' retains stateful resources; 'ephemeral' destroys them with the stack",
            choices=("production", "ephemeral"),
        ),
    ),
    # production: the fix protects the resource from deletion (and so from replacement)
    retains=lambda params: params.get("profile", "production") != "ephemeral",
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
