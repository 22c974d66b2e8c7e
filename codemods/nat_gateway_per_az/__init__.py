"""IAC033 nat-gateway-per-az: VPCs that span availability zones have a NAT gateway in each."""

from iacfix.codemods.spec import Codemod, invalid, language_detectors, valid

# Two private subnets, in zones 0 and {b} of the region, routed to one NAT gateway.
_CFN = """Resources:
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: subnet-0123
  Routes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-0123
  Egress:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref Routes
      DestinationCidrBlock: 0.0.0.0/0
      NatGatewayId: !Ref Nat
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: !Select [0, !GetAZs ""]
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123
      CidrBlock: 10.0.2.0/24
      AvailabilityZone: !Select [{b}, !GetAZs ""]
  AssocA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref A
      RouteTableId: !Ref Routes
  AssocB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref B
      RouteTableId: !Ref Routes
"""

_GO = """package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

func NewNetwork(stack awscdk.Stack) {{
	awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{{
		MaxAzs:      jsii.Number(2),
		NatGateways: jsii.Number({n}),
	}})
}}
"""

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
        "subnet in the other zone and a route table per zone. A regional NAT gateway (one "
        "gateway across the VPC's zones) is compliant, and a VPC without NAT gateways "
        "(nat_gateways=0) is another design: both are left alone."
    ),
    unsafe_note="a fix adds NAT gateways (an hourly fee each) and reroutes private subnets",
    unsafe_only=True,
    examples=(
        invalid("cdk", 'from aws_cdk import aws_ec2 as ec2\n\nec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)\n'),
        valid("cdk", 'from aws_cdk import aws_ec2 as ec2\n\nec2.Vpc(self, "Vpc", max_azs=2)\n'),
        valid("cdk", 'from aws_cdk import aws_ec2 as ec2\n\nec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=props.nat_count)\n'),
        invalid("terraform", 'module "vpc" {\n  source             = "terraform-aws-modules/vpc/aws"\n'
                             '  azs                = ["eu-west-1a", "eu-west-1b"]\n'
                             '  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24"]\n'
                             '  enable_nat_gateway = true\n  single_nat_gateway = true\n}\n'),
        valid("terraform", 'module "vpc" {\n  source             = "terraform-aws-modules/vpc/aws"\n'
                           '  azs                = ["eu-west-1a", "eu-west-1b"]\n'
                           '  enable_nat_gateway = true\n  single_nat_gateway = var.single_nat\n}\n'),
        invalid("pulumi", 'import pulumi_aws as aws\nimport pulumi_awsx as awsx\n\n'
                          'awsx.ec2.Vpc("vpc", nat_gateways=awsx.ec2.NatGatewayConfigurationArgs('
                          'strategy=awsx.ec2.NatGatewayStrategy.SINGLE))\n'),
        valid("pulumi", 'import pulumi_aws as aws\nimport pulumi_awsx as awsx\n\nawsx.ec2.Vpc("vpc")\n'),
        invalid("cloudformation", _CFN.format(b=1)),
        valid("cloudformation", _CFN.format(b=0)),
        invalid("go", _GO.format(n=1)),
        valid("go", _GO.format(n=0)),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
