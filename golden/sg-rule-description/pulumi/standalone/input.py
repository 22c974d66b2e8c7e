"""Rules as their own resources, both the classic and the VPC rule resources."""

import pulumi_aws as aws

cache_sg = aws.ec2.SecurityGroup("cache", description="Redis cache", vpc_id="vpc-0123456789abcdef0")
app_sg = aws.ec2.SecurityGroup("app", description="Application", vpc_id="vpc-0123456789abcdef0")
partners = aws.ec2.ManagedPrefixList("partners", address_family="IPv4", max_entries=5)

aws.ec2.SecurityGroupRule(
    "cache-from-app",
    type="ingress",
    security_group_id=cache_sg.id,
    protocol="tcp",
    from_port=6379,
    to_port=6379,
    source_security_group_id=app_sg.id,
)

aws.vpc.SecurityGroupIngressRule(
    "app-from-partners",
    security_group_id=app_sg.id,
    ip_protocol="tcp",
    from_port=8000,
    to_port=8080,
    prefix_list_id=partners.id,
    tags={"Team": "platform"},
)

aws.vpc.SecurityGroupEgressRule(
    "app-to-vpc",
    security_group_id=app_sg.id,
    ip_protocol="-1",
    cidr_ipv4="10.0.0.0/16",
)

aws.vpc.SecurityGroupIngressRule("app-ping", security_group_id=app_sg.id, ip_protocol="icmp", from_port=-1, to_port=-1, cidr_ipv6="::/0")
