"""Rules whose description or whole definition come from code: nothing to judge."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
ports = [80, 443]
purpose = config.get("purpose") or "public web"
common = {"protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}
admin_port = {"from_port": 8443, "to_port": 8443, "cidr_blocks": ["10.0.0.0/16"]}

web_sg = aws.ec2.SecurityGroup(
    "web",
    description="Web servers",
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=p, to_port=p, cidr_blocks=["0.0.0.0/0"],
                                         description=f"{purpose} on {p}")
        for p in ports
    ],
    egress=[{**common, "from_port": 443, "to_port": 443, "description": purpose}],
)

aws.ec2.SecurityGroupRule(
    "web-extra",
    type="ingress",
    security_group_id=web_sg.id,
    protocol="tcp",
    **admin_port,
)
