"""Legacy rules the network team documents elsewhere."""

import pulumi_aws as aws

# iacfix: ignore[sg-rule-description]
legacy_sg = aws.ec2.SecurityGroup(
    "legacy",
    description="Legacy hosts",
    ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=22, to_port=22, cidr_blocks=["10.0.0.0/8"])],
)

ops_sg = aws.ec2.SecurityGroup(
    "ops",
    description="Operations",
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=3389, to_port=3389, cidr_blocks=["10.9.0.0/16"]),  # iacfix: ignore[IAC022]
    ],
)
