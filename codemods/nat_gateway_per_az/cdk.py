"""nat_gateway_per_az for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): an ``ec2.Vpc`` (Go: ``awsec2.NewVpc``) whose ``nat_gateways`` is a number
below the number of availability zones it spans.

CDK makes ``min(nat_gateways, AZ count)`` NAT gateways; without ``nat_gateways`` it makes
one per AZ wherever the VPC has private subnets with egress
(``determineNatGatewayCount`` in aws-cdk-lib). The AZ count is known for sure when:

- ``availability_zones`` is a list of string literals: its length;
- else ``max_azs`` is absent or a number of at least 2: at least 2 (``max_azs`` defaults
  to 3, and an environment-agnostic stack gets 2 AZs: ``Stack.availability_zones``).
  How many more depends on the stack's ``env``, which the app sets elsewhere: so
  ``nat_gateways=2`` with ``max_azs=3`` is not reported (2 AZs without ``env``).

So ``nat_gateways=1`` is reported unless the VPC has one AZ; ``nat_gateways=2`` only
with an explicit list of three or more zones. ``nat_gateways=0`` (no NAT gateway: no
egress, or egress of its own) is another design and not reported; a value the file
does not spell out (a variable, a prop) is the author's. A ``subnet_configuration``
that has no private subnet with egress (``PRIVATE_WITH_EGRESS``, ``PRIVATE_WITH_NAT``,
``PRIVATE``) uses no NAT gateway: not reported; one the file cannot read: not reported.
A regional NAT gateway (``nat_gateway_provider=ec2.NatProvider.regional_gateway(...)``)
spans the zones: not reported, nor is a provider the file does not spell out.

The fix removes ``nat_gateways``: CDK's default is exactly one NAT gateway per AZ, and
it stays right when ``max_azs`` or the stack's environment changes (a number written
instead would have to be the AZ count, which the file does not know without
``availability_zones``). It is unsafe: ``nat_gateways`` was the author's stated choice,
and each new gateway costs an hourly fee plus data processing.
"""

from __future__ import annotations

from iacfix.codemods.lang import cdk_file
from iacfix.codemods.spec import ABSENT

EC2 = "aws_cdk.aws_ec2"
VPC = f"{EC2}.Vpc"
SUBNET_CONFIGURATION = f"{EC2}.SubnetConfiguration"
EGRESS = {"PRIVATE_WITH_EGRESS", "PRIVATE_WITH_NAT", "PRIVATE"}
ZONAL_PROVIDERS = ("gateway", "instance", "instance_v2")  # NatProvider factories: one per zone


def detect(doc, ctx):
    for vpc in cdk_file(doc, ctx).constructs(VPC):
        if vpc.opaque:
            continue
        n = vpc.value("nat_gateways")
        if not _number(n) or n < 1:
            continue
        azs = _az_count(vpc)
        if azs is None or n >= azs:
            continue
        if not _egress(vpc) or not _zonal(vpc):
            continue
        zones = f"{azs} availability zones" if vpc.has("availability_zones") else "at least 2 availability zones"
        gateways = "one NAT gateway" if n == 1 else f"{int(n)} NAT gateways"
        fix = vpc.fixer(lambda vpc=vpc: vpc.edit(remove=["nat_gateways"]))
        yield vpc.gap(f"VPC '{vpc.name}' spans {zones} with {gateways}", fix, unsafe=True)


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _az_count(vpc):
    """The number of AZs the VPC spans for sure (a lower bound), None when unknown."""
    if vpc.has("availability_zones"):
        zones = vpc.strings("availability_zones")
        return len(zones) if zones is not None else None
    m = vpc.value("max_azs")
    if m is ABSENT:
        return 2
    if _number(m) and m >= 2:
        return 2
    return None


def _zonal(vpc) -> bool:
    """Are its NAT gateways one zone's each? A regional gateway
    (``ec2.NatProvider.regional_gateway(...)``) spans the zones; a provider the file does
    not spell out is the author's."""
    if not vpc.has("nat_gateway_provider"):
        return True
    return vpc.call("nat_gateway_provider", *(f"{EC2}.NatProvider.{m}" for m in ZONAL_PROVIDERS)) is not None


def _egress(vpc) -> bool:
    """Does the VPC have private subnets routed through NAT gateways (for sure)?"""
    if not vpc.has("subnet_configuration"):
        return True  # CDK's default: a public and a private-with-egress subnet per AZ
    configs = vpc.structs("subnet_configuration", SUBNET_CONFIGURATION)
    if not isinstance(configs, list):
        return False
    for c in configs:
        if c.member("subnet_type", f"{EC2}.SubnetType") in EGRESS and c.value("reserved") is not True:
            return True
    return False
