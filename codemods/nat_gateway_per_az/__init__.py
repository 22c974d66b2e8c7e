"""IAC033 nat-gateway-per-az: VPCs that span availability zones have a NAT gateway in each."""

from iacfix.codemods.spec import Codemod, invalid, language_detectors, valid

CODEMOD = Codemod(
    id="IAC033",
    slug="nat-gateway-per-az",
    tags=("reliability",),
    title="VPCs that span availability zones have a NAT gateway in each",
    rationale=(
        "Private subnets reach the internet through a NAT gateway, and a NAT gateway lives in "
        "one availability zone. When the private subnets of every zone route through one "
        "gateway, an outage of that gateway's zone cuts the outbound traffic of all of them: "
        "the VPC spreads its workloads over zones but not their egress. A NAT gateway per zone "
        "keeps each zone's traffic in its zone (and saves the cross-zone data charges). Each "
        "extra gateway costs an hourly fee plus a fee per GB it processes, so it is the "
        "owner's trade-off: every fix of this codemod is unsafe (it adds gateways and Elastic "
        "IPs and reroutes the private subnets of the other zones), and a value the file does "
        "not spell out (a variable, a parameter) is the author's. A VPC construct whose NAT "
        "count is below its zone count (CDK ec2.Vpc nat_gateways, Pulumi awsx.ec2.Vpc's "
        "SINGLE strategy, the terraform-aws-modules/vpc module's single_nat_gateway) is fixed "
        "by asking for one per zone; route tables written by hand (CloudFormation, Terraform, "
        "Pulumi classic resources) that send the private subnets of several zones to one NAT "
        "gateway are reported without a fix: a second gateway needs an Elastic IP, a public "
        "subnet in the other zone and a route table per zone. A VPC without NAT gateways "
        "(nat_gateways=0) is another design and is left alone."
    ),
    unsafe_note="a fix adds NAT gateways (an hourly fee each) and reroutes private subnets",
    unsafe_only=True,
    examples=(
        invalid("cdk", 'ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)\n'),
        valid("cdk", 'ec2.Vpc(self, "Vpc", max_azs=2)\n'),
        valid("cdk", 'ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=0)\n'),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
