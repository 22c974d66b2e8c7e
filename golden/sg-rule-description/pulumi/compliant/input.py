"""Every rule says what it is for."""

import pulumi_aws as aws

web_sg = aws.ec2.SecurityGroup(
    "web",
    description="Web servers",
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            description="HTTPS from the internet",
            protocol="tcp",
            from_port=443,
            to_port=443,
            cidr_blocks=["0.0.0.0/0"],
        ),
    ],
    egress=[{"description": "Anything out", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
)

aws.vpc.SecurityGroupIngressRule(
    "web-ssh",
    description="SSH from the bastion subnet",
    security_group_id=web_sg.id,
    ip_protocol="tcp",
    from_port=22,
    to_port=22,
    cidr_ipv4="10.0.8.0/24",
)

plain_sg = aws.ec2.SecurityGroup("plain", description="No rules of its own")
